CREATE TABLE "features"."training_set_features" (
	"training_set_id" uuid NOT NULL,
	"feature_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"column" text NOT NULL,
	CONSTRAINT "training_set_features_training_set_id_feature_id_pk" PRIMARY KEY("training_set_id","feature_id")
);
--> statement-breakpoint
CREATE TABLE "features"."training_set_inputs" (
	"training_set_id" uuid NOT NULL,
	"lake_dataset" text NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "training_set_inputs_training_set_id_lake_dataset_pk" PRIMARY KEY("training_set_id","lake_dataset")
);
--> statement-breakpoint
CREATE TABLE "features"."training_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_by" text NOT NULL,
	"spec" jsonb NOT NULL,
	"resolution" jsonb NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"lake_dataset" text NOT NULL,
	"snapshot_id" bigint,
	"row_count" bigint,
	"builds" integer DEFAULT 0 NOT NULL,
	"statistics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"built_at" timestamp with time zone,
	CONSTRAINT "training_sets_lake_dataset_unique" UNIQUE("lake_dataset")
);
--> statement-breakpoint
ALTER TABLE "features"."training_set_features" ADD CONSTRAINT "training_set_features_training_set_id_training_sets_id_fk" FOREIGN KEY ("training_set_id") REFERENCES "features"."training_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features"."training_set_features" ADD CONSTRAINT "training_set_features_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "features"."features"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features"."training_set_inputs" ADD CONSTRAINT "training_set_inputs_training_set_id_training_sets_id_fk" FOREIGN KEY ("training_set_id") REFERENCES "features"."training_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_set_features_feature_idx" ON "features"."training_set_features" USING btree ("feature_id");--> statement-breakpoint
CREATE INDEX "training_set_inputs_dataset_idx" ON "features"."training_set_inputs" USING btree ("lake_dataset");--> statement-breakpoint
CREATE INDEX "training_sets_created_by_idx" ON "features"."training_sets" USING btree ("created_by","created_at");