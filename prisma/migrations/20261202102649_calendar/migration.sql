-- AlterTable
ALTER TABLE "checkin_round" ADD COLUMN     "prompt_due_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "network" ADD COLUMN     "patron_day" TEXT;

-- CreateTable
CREATE TABLE "network_pause" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'chat',
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "network_pause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkin_deputy" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "deputy_person_id" INTEGER NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "checkin_deputy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "network_pause_network_id_ends_on_idx" ON "network_pause"("network_id", "ends_on");

-- CreateIndex
CREATE UNIQUE INDEX "checkin_deputy_person_id_key" ON "checkin_deputy"("person_id");

-- CreateIndex
CREATE INDEX "checkin_deputy_deputy_person_id_idx" ON "checkin_deputy"("deputy_person_id");

-- AddForeignKey
ALTER TABLE "network_pause" ADD CONSTRAINT "network_pause_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE CASCADE;
