-- CreateTable
CREATE TABLE "lab" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "online_url" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER,
    "all_networks" BOOLEAN NOT NULL DEFAULT true,
    "organiser" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lab_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lab_audience" (
    "lab_id" INTEGER NOT NULL,
    "network_id" INTEGER NOT NULL,

    CONSTRAINT "lab_audience_pkey" PRIMARY KEY ("lab_id","network_id")
);

-- CreateTable
CREATE TABLE "lab_signup" (
    "id" SERIAL NOT NULL,
    "lab_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lab_signup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lab_feedback" (
    "id" SERIAL NOT NULL,
    "lab_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lab_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lab_reminder" (
    "id" SERIAL NOT NULL,
    "lab_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lab_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lab_key_key" ON "lab"("key");

-- CreateIndex
CREATE INDEX "lab_status_starts_at_idx" ON "lab"("status", "starts_at");

-- CreateIndex
CREATE INDEX "lab_audience_network_id_idx" ON "lab_audience"("network_id");

-- CreateIndex
CREATE INDEX "lab_signup_lab_id_status_position_idx" ON "lab_signup"("lab_id", "status", "position");

-- CreateIndex
CREATE INDEX "lab_signup_person_id_idx" ON "lab_signup"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "lab_signup_lab_id_person_id_key" ON "lab_signup"("lab_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "lab_feedback_lab_id_person_id_key" ON "lab_feedback"("lab_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "lab_reminder_lab_id_person_id_kind_key" ON "lab_reminder"("lab_id", "person_id", "kind");

-- AddForeignKey
ALTER TABLE "lab" ADD CONSTRAINT "lab_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_audience" ADD CONSTRAINT "lab_audience_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_audience" ADD CONSTRAINT "lab_audience_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_signup" ADD CONSTRAINT "lab_signup_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_signup" ADD CONSTRAINT "lab_signup_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_feedback" ADD CONSTRAINT "lab_feedback_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_feedback" ADD CONSTRAINT "lab_feedback_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_reminder" ADD CONSTRAINT "lab_reminder_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;
