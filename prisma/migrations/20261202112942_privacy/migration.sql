-- AlterTable
ALTER TABLE "account" ADD COLUMN     "privacy_notice_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "person" ADD COLUMN     "erased_at" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkin_submission" ADD CONSTRAINT "checkin_submission_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkin_answer" ADD CONSTRAINT "checkin_answer_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
