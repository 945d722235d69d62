-- CreateTable
CREATE TABLE "scheda" (
    "network_id" INTEGER NOT NULL,
    "objective" TEXT NOT NULL DEFAULT '',
    "needs" TEXT NOT NULL DEFAULT '',
    "frequency" TEXT NOT NULL DEFAULT 'settimanale',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3),
    "updated_by" INTEGER,

    CONSTRAINT "scheda_pkey" PRIMARY KEY ("network_id")
);

-- CreateTable
CREATE TABLE "scheda_strategy" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scheda_strategy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scheda_objective" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "strategy_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "target" DOUBLE PRECISION,
    "unit" TEXT NOT NULL DEFAULT '',
    "due_on" DATE NOT NULL,
    "indicator_code" TEXT,
    "reached_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scheda_objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scheda_role" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "who" TEXT NOT NULL,
    "strategy_id" INTEGER,
    "doing" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scheda_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scheda_flow" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "from_role_id" INTEGER NOT NULL,
    "to_role_id" INTEGER NOT NULL,
    "how" TEXT NOT NULL,
    "often" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scheda_flow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scheda_change" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "person_id" INTEGER,
    "source" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scheda_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objective_progress" (
    "id" SERIAL NOT NULL,
    "objective_id" INTEGER NOT NULL,
    "network_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "person_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "objective_progress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maturity_week" (
    "network_id" INTEGER NOT NULL,
    "week" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "metrics" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "maturity_week_pkey" PRIMARY KEY ("network_id","week","dimension")
);

-- CreateTable
CREATE TABLE "maturity_threshold" (
    "dimension" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "maturity_threshold_pkey" PRIMARY KEY ("dimension","stage","metric")
);

-- CreateTable
CREATE TABLE "percorso" (
    "id" SERIAL NOT NULL,
    "stage" TEXT NOT NULL,
    "dimension" TEXT NOT NULL DEFAULT '',
    "kinds" TEXT[],
    "text" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "percorso_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scheda_strategy_network_id_number_key" ON "scheda_strategy"("network_id", "number");

-- CreateIndex
CREATE INDEX "scheda_objective_strategy_id_idx" ON "scheda_objective"("strategy_id");

-- CreateIndex
CREATE UNIQUE INDEX "scheda_objective_network_id_number_key" ON "scheda_objective"("network_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "scheda_role_network_id_number_key" ON "scheda_role"("network_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "scheda_flow_network_id_number_key" ON "scheda_flow"("network_id", "number");

-- CreateIndex
CREATE INDEX "scheda_change_network_id_id_idx" ON "scheda_change"("network_id", "id");

-- CreateIndex
CREATE INDEX "objective_progress_network_id_period_idx" ON "objective_progress"("network_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "objective_progress_objective_id_period_key" ON "objective_progress"("objective_id", "period");

-- CreateIndex
CREATE INDEX "maturity_week_week_dimension_stage_idx" ON "maturity_week"("week", "dimension", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "percorso_stage_dimension_key" ON "percorso"("stage", "dimension");

-- AddForeignKey
ALTER TABLE "scheda_objective" ADD CONSTRAINT "scheda_objective_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "scheda_strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scheda_role" ADD CONSTRAINT "scheda_role_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "scheda_strategy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scheda_flow" ADD CONSTRAINT "scheda_flow_from_role_id_fkey" FOREIGN KEY ("from_role_id") REFERENCES "scheda_role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scheda_flow" ADD CONSTRAINT "scheda_flow_to_role_id_fkey" FOREIGN KEY ("to_role_id") REFERENCES "scheda_role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objective_progress" ADD CONSTRAINT "objective_progress_objective_id_fkey" FOREIGN KEY ("objective_id") REFERENCES "scheda_objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;
