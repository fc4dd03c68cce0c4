ALTER TABLE "models"."prediction_requests" ADD COLUMN "encoded" bytea;--> statement-breakpoint
ALTER TABLE "models"."prediction_requests" ALTER COLUMN "encoded" SET STORAGE EXTERNAL;
