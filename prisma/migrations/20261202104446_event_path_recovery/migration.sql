-- AlterTable
ALTER TABLE "inbound_event" ADD COLUMN     "claimed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "taken_over" BOOLEAN NOT NULL DEFAULT false;
