-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "question_it" TEXT NOT NULL,
    "question_en" TEXT,
    "type" TEXT NOT NULL,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "options" JSONB NOT NULL DEFAULT '[]',
    "required" BOOLEAN NOT NULL DEFAULT true,
    "help" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_network" (
    "indicator_id" INTEGER NOT NULL,
    "network_id" INTEGER NOT NULL,

    CONSTRAINT "indicator_network_pkey" PRIMARY KEY ("indicator_id","network_id")
);

-- CreateTable
CREATE TABLE "checkin_round" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "answering_person_id" INTEGER,
    "answering_conversation_id" INTEGER,
    "answering_since" TIMESTAMPTZ(3),
    "last_activity_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "last_reminded_on" TEXT,
    "reminders" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "checkin_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkin_submission" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "network_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "person_id" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" INTEGER NOT NULL,

    CONSTRAINT "checkin_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkin_answer" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "network_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "number_value" DOUBLE PRECISION,
    "choice_codes" TEXT[],
    "text_value" TEXT,
    "bool_value" BOOLEAN,
    "skipped" BOOLEAN NOT NULL DEFAULT false,
    "person_id" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "checkin_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkin_edit" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "edited_at" TIMESTAMPTZ(3) NOT NULL,
    "changes" JSONB NOT NULL,

    CONSTRAINT "checkin_edit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkin_prompt" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "checkin_prompt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE INDEX "indicator_active_position_idx" ON "indicator"("active", "position");

-- CreateIndex
CREATE INDEX "indicator_network_network_id_idx" ON "indicator_network"("network_id");

-- CreateIndex
CREATE INDEX "checkin_round_period_status_idx" ON "checkin_round"("period", "status");

-- CreateIndex
CREATE INDEX "checkin_round_status_closes_at_idx" ON "checkin_round"("status", "closes_at");

-- CreateIndex
CREATE UNIQUE INDEX "checkin_round_network_id_period_key" ON "checkin_round"("network_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "checkin_submission_round_id_key" ON "checkin_submission"("round_id");

-- CreateIndex
CREATE INDEX "checkin_submission_period_idx" ON "checkin_submission"("period");

-- CreateIndex
CREATE UNIQUE INDEX "checkin_submission_network_id_period_key" ON "checkin_submission"("network_id", "period");

-- CreateIndex
CREATE INDEX "checkin_answer_period_indicator_code_idx" ON "checkin_answer"("period", "indicator_code");

-- CreateIndex
CREATE INDEX "checkin_answer_network_id_period_idx" ON "checkin_answer"("network_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "checkin_answer_submission_id_indicator_id_key" ON "checkin_answer"("submission_id", "indicator_id");

-- CreateIndex
CREATE UNIQUE INDEX "checkin_edit_submission_id_version_key" ON "checkin_edit"("submission_id", "version");

-- CreateIndex
CREATE INDEX "checkin_prompt_person_id_status_idx" ON "checkin_prompt"("person_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "checkin_prompt_round_id_person_id_kind_slot_key" ON "checkin_prompt"("round_id", "person_id", "kind", "slot");

-- AddForeignKey
ALTER TABLE "indicator_network" ADD CONSTRAINT "indicator_network_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_network" ADD CONSTRAINT "indicator_network_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkin_round" ADD CONSTRAINT "checkin_round_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkin_submission" ADD CONSTRAINT "checkin_submission_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "checkin_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkin_answer" ADD CONSTRAINT "checkin_answer_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "checkin_submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkin_answer" ADD CONSTRAINT "checkin_answer_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkin_edit" ADD CONSTRAINT "checkin_edit_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "checkin_submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkin_prompt" ADD CONSTRAINT "checkin_prompt_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "checkin_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
