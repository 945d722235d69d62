-- AlterTable
ALTER TABLE "checkin_submission" ADD COLUMN     "share_text" BOOLEAN NOT NULL DEFAULT false;
