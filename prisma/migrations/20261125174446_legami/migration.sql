-- AlterTable
ALTER TABLE "partner" ADD COLUMN     "contact_person_id" INTEGER;

-- CreateTable
CREATE TABLE "legami_introduction" (
    "id" SERIAL NOT NULL,
    "person_a_id" INTEGER NOT NULL,
    "person_b_id" INTEGER NOT NULL,
    "network_a_id" INTEGER NOT NULL,
    "network_b_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "practice_id" INTEGER,
    "run_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "follow_up_sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "legami_introduction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "legami_follow_up" (
    "id" SERIAL NOT NULL,
    "introduction_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "answer" TEXT,
    "asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "legami_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "legami_opt_out" (
    "person_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "legami_opt_out_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "legami_good_practice" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "themes" TEXT[],
    "proposed_by_id" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'proposta',
    "source" TEXT NOT NULL DEFAULT 'comando',
    "source_key" TEXT,
    "published_by_id" INTEGER,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "legami_good_practice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "legami_introduction_person_a_id_created_at_idx" ON "legami_introduction"("person_a_id", "created_at");

-- CreateIndex
CREATE INDEX "legami_introduction_person_b_id_created_at_idx" ON "legami_introduction"("person_b_id", "created_at");

-- CreateIndex
CREATE INDEX "legami_introduction_created_at_idx" ON "legami_introduction"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "legami_introduction_run_key_person_a_id_person_b_id_key" ON "legami_introduction"("run_key", "person_a_id", "person_b_id");

-- CreateIndex
CREATE INDEX "legami_follow_up_person_id_idx" ON "legami_follow_up"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "legami_follow_up_introduction_id_person_id_key" ON "legami_follow_up"("introduction_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "legami_good_practice_source_key_key" ON "legami_good_practice"("source_key");

-- CreateIndex
CREATE INDEX "legami_good_practice_status_published_at_idx" ON "legami_good_practice"("status", "published_at");

-- CreateIndex
CREATE INDEX "legami_good_practice_network_id_idx" ON "legami_good_practice"("network_id");

-- AddForeignKey
ALTER TABLE "partner" ADD CONSTRAINT "partner_contact_person_id_fkey" FOREIGN KEY ("contact_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_introduction" ADD CONSTRAINT "legami_introduction_person_a_id_fkey" FOREIGN KEY ("person_a_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_introduction" ADD CONSTRAINT "legami_introduction_person_b_id_fkey" FOREIGN KEY ("person_b_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_introduction" ADD CONSTRAINT "legami_introduction_network_a_id_fkey" FOREIGN KEY ("network_a_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_introduction" ADD CONSTRAINT "legami_introduction_network_b_id_fkey" FOREIGN KEY ("network_b_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_introduction" ADD CONSTRAINT "legami_introduction_practice_id_fkey" FOREIGN KEY ("practice_id") REFERENCES "legami_good_practice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_follow_up" ADD CONSTRAINT "legami_follow_up_introduction_id_fkey" FOREIGN KEY ("introduction_id") REFERENCES "legami_introduction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_follow_up" ADD CONSTRAINT "legami_follow_up_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_opt_out" ADD CONSTRAINT "legami_opt_out_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_good_practice" ADD CONSTRAINT "legami_good_practice_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_good_practice" ADD CONSTRAINT "legami_good_practice_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legami_good_practice" ADD CONSTRAINT "legami_good_practice_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
