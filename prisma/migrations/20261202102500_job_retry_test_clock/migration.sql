-- AlterTable
ALTER TABLE "job_run" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "locked_by" TEXT,
ADD COLUMN     "locked_until" TIMESTAMPTZ(3),
ADD COLUMN     "retry_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "test_clock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "set_at" TIMESTAMPTZ(3) NOT NULL,
    "fired_through" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "test_clock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_run_retry_at_idx" ON "job_run"("retry_at");
