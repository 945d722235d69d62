-- CreateTable
CREATE TABLE "support_request" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'nuova',
    "open_key" TEXT,
    "need" TEXT NOT NULL DEFAULT '',
    "due_by" TIMESTAMPTZ(3),
    "source" TEXT NOT NULL,
    "period" TEXT,
    "opened_by_id" INTEGER,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "assignee_id" INTEGER,
    "taken_at" TIMESTAMPTZ(3),
    "done_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "close_reason" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "support_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_request_event" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT,
    "person_id" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "support_request_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "request_id" INTEGER,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "online_url" TEXT NOT NULL DEFAULT '',
    "anci" TEXT NOT NULL,
    "agenda" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT NOT NULL DEFAULT '',
    "decisions" TEXT,
    "next_steps" TEXT NOT NULL DEFAULT '',
    "note_by_id" INTEGER,
    "note_at" TIMESTAMPTZ(3),
    "note_prompted_at" TIMESTAMPTZ(3),

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_invite" (
    "meeting_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "invited_at" TIMESTAMPTZ(3) NOT NULL,
    "reminded_for" TEXT,

    CONSTRAINT "meeting_invite_pkey" PRIMARY KEY ("meeting_id","person_id")
);

-- CreateTable
CREATE TABLE "richieste_draft" (
    "person_id" INTEGER NOT NULL,
    "form" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "richieste_draft_pkey" PRIMARY KEY ("person_id","form")
);

-- CreateIndex
CREATE UNIQUE INDEX "support_request_open_key_key" ON "support_request"("open_key");

-- CreateIndex
CREATE INDEX "support_request_network_id_state_idx" ON "support_request"("network_id", "state");

-- CreateIndex
CREATE INDEX "support_request_state_opened_at_idx" ON "support_request"("state", "opened_at");

-- CreateIndex
CREATE INDEX "support_request_opened_at_idx" ON "support_request"("opened_at");

-- CreateIndex
CREATE INDEX "support_request_event_request_id_id_idx" ON "support_request_event"("request_id", "id");

-- CreateIndex
CREATE INDEX "support_request_event_to_state_at_idx" ON "support_request_event"("to_state", "at");

-- CreateIndex
CREATE INDEX "meeting_status_starts_at_idx" ON "meeting"("status", "starts_at");

-- CreateIndex
CREATE INDEX "meeting_network_id_starts_at_idx" ON "meeting"("network_id", "starts_at");

-- CreateIndex
CREATE INDEX "meeting_status_ends_at_idx" ON "meeting"("status", "ends_at");

-- CreateIndex
CREATE INDEX "meeting_invite_person_id_idx" ON "meeting_invite"("person_id");

-- AddForeignKey
ALTER TABLE "support_request_event" ADD CONSTRAINT "support_request_event_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "support_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "support_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_invite" ADD CONSTRAINT "meeting_invite_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
