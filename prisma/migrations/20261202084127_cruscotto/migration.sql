-- CreateTable
CREATE TABLE "cruscotto_link" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "person_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "cruscotto_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cruscotto_session" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "person_id" INTEGER NOT NULL,
    "link_id" INTEGER,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "cruscotto_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cruscotto_link_token_hash_key" ON "cruscotto_link"("token_hash");

-- CreateIndex
CREATE INDEX "cruscotto_link_expires_at_idx" ON "cruscotto_link"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "cruscotto_session_token_hash_key" ON "cruscotto_session"("token_hash");

-- CreateIndex
CREATE INDEX "cruscotto_session_person_id_idx" ON "cruscotto_session"("person_id");

-- CreateIndex
CREATE INDEX "cruscotto_session_expires_at_idx" ON "cruscotto_session"("expires_at");

-- CreateIndex
CREATE INDEX "checkin_answer_period_indicator_code_number_value_network_i_idx" ON "checkin_answer"("period", "indicator_code", "number_value", "network_id");

-- AddForeignKey
ALTER TABLE "cruscotto_link" ADD CONSTRAINT "cruscotto_link_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cruscotto_session" ADD CONSTRAINT "cruscotto_session_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cruscotto_session" ADD CONSTRAINT "cruscotto_session_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "cruscotto_link"("id") ON DELETE SET NULL ON UPDATE CASCADE;
