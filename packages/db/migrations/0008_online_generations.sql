CREATE TABLE "features"."online_generations" (
	"feature_id" uuid PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "features"."online_generations" ADD CONSTRAINT "online_generations_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "features"."features"("id") ON DELETE no action ON UPDATE no action;