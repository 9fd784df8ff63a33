CREATE TABLE `assessments` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`employee_id` text NOT NULL,
	`competency_tenant_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`level` integer NOT NULL,
	`source` text NOT NULL,
	`source_rank` integer NOT NULL,
	`assessed_on` text NOT NULL,
	`assessor` text,
	`note` text,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_tenant_id`,`competency_id`) REFERENCES `competencies`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessments_own_competency" CHECK("assessments"."competency_tenant_id" in ('', "assessments"."tenant_id")),
	CONSTRAINT "assessments_level" CHECK("assessments"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX `assessments_tenant_employee` ON `assessments` (`tenant_id`,`employee_id`,`assessed_on`,`id`);--> statement-breakpoint
CREATE TABLE `competencies` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`description` text NOT NULL,
	`levels` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competencies_tenant_code` ON `competencies` (`tenant_id`,`code`);--> statement-breakpoint
CREATE INDEX `competencies_code` ON `competencies` (`code`);--> statement-breakpoint
CREATE TABLE `current_levels` (
	`tenant_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`competency_tenant_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`level` integer NOT NULL,
	`assessed_on` text NOT NULL,
	`source_rank` integer NOT NULL,
	`assessment_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `employee_id`, `competency_id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`assessment_id`) REFERENCES `assessments`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_tenant_id`,`competency_id`) REFERENCES `competencies`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "current_levels_own_competency" CHECK("current_levels"."competency_tenant_id" in ('', "current_levels"."tenant_id"))
);
--> statement-breakpoint
CREATE TABLE `position_standards` (
	`tenant_id` text NOT NULL,
	`position_id` text NOT NULL,
	`competency_tenant_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`required_level` integer NOT NULL,
	`weight` real NOT NULL,
	PRIMARY KEY(`tenant_id`, `position_id`, `competency_id`),
	FOREIGN KEY (`tenant_id`,`position_id`) REFERENCES `standard_sets`(`tenant_id`,`position_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_tenant_id`,`competency_id`) REFERENCES `competencies`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "position_standards_own_competency" CHECK("position_standards"."competency_tenant_id" in ('', "position_standards"."tenant_id")),
	CONSTRAINT "position_standards_level" CHECK("position_standards"."required_level" between 1 and 5),
	CONSTRAINT "position_standards_weight" CHECK("position_standards"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE `standard_sets` (
	`tenant_id` text NOT NULL,
	`position_id` text NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `position_id`),
	FOREIGN KEY (`tenant_id`,`position_id`) REFERENCES `positions`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The national dictionary (PermenPAN-RB 38/2017, in spirit), seeded into every database with the
-- same ids so every tenant, on whichever binding, refers to the same national rows.
INSERT INTO `competencies` (`tenant_id`, `id`, `code`, `name`, `type`, `description`, `levels`, `version`, `created_at`, `updated_at`) VALUES
  ('', 'natcmp_integritas', 'INTEGRITAS', 'Integritas', 'manajerial', 'Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi, jujur dalam hubungan dengan atasan, rekan kerja, bawahan dan pemangku kepentingan.', '["Mampu bertindak sesuai nilai, norma dan etika organisasi dalam kapasitas pribadi","Mampu mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma dan etika organisasi","Mampu memastikan, menanamkan keyakinan bersama agar anggota unit kerja berperilaku sesuai nilai, norma dan etika organisasi","Mampu menciptakan situasi kerja yang membuat rekan kerja berperilaku sesuai nilai, norma dan etika organisasi","Mampu menjadi role model dan keteladanan dalam penerapan standar keadilan dan etika di tingkat nasional"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('', 'natcmp_kerja-sama', 'KERJA-SAMA', 'Kerja Sama', 'manajerial', 'Kemampuan menjalin, membina dan mempertahankan hubungan kerja yang efektif, memiliki komitmen saling membantu dalam penyelesaian tugas.', '["Berpartisipasi dalam kelompok kerja dan menjalankan bagian tugasnya","Menumbuhkan tim kerja yang partisipatif dan efektif","Efektif membangun tim kerja untuk peningkatan kinerja organisasi","Membangun komitmen tim dan sinergi antarunit kerja","Menciptakan hubungan kerja sama strategis lintas instansi dan sektor"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('', 'natcmp_komunikasi', 'KOMUNIKASI', 'Komunikasi', 'manajerial', 'Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis dan meyakinkan, baik lisan maupun tertulis.', '["Menyampaikan informasi dengan jelas, lengkap dan pemahaman yang sama","Aktif menjalankan komunikasi secara formal dan informal; bersedia mendengarkan orang lain","Berkomunikasi secara asertif, terampil berkomunikasi lisan dan tertulis untuk menyampaikan informasi yang sensitif","Mampu mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong kesepakatan","Menggagas sistem komunikasi yang terbuka secara strategis untuk mencari solusi"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('', 'natcmp_orientasi-hasil', 'ORIENTASI-HASIL', 'Orientasi pada Hasil', 'manajerial', 'Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat diandalkan dan bertanggung jawab.', '["Bertanggung jawab untuk memenuhi standar kerja","Berupaya meningkatkan hasil kerja pribadi yang lebih tinggi dari standar yang ditetapkan","Menetapkan target kerja yang menantang bagi unit kerja dan memberi apresiasi atas capaiannya","Mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja sebelumnya","Meningkatkan mutu pencapaian kerja organisasi secara berkelanjutan"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('', 'natcmp_pelayanan-publik', 'PELAYANAN-PUBLIK', 'Pelayanan Publik', 'manajerial', 'Kemampuan melaksanakan tugas pemerintahan, pembangunan dan pelayanan publik secara profesional, transparan, mengikuti standar pelayanan yang objektif, netral dan tidak memihak.', '["Menjalankan pelayanan sesuai standar yang telah ditetapkan","Mampu mensupervisi dan mengawasi pelayanan oleh unit kerjanya","Mampu memanfaatkan kekuatan kelompok dan memperbaiki standar pelayanan publik","Mampu memonitor, mengevaluasi dan menyusun kebijakan pelayanan publik yang tidak memihak","Mampu menciptakan kebijakan pelayanan publik yang menjamin terselenggaranya pelayanan yang berkualitas"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('', 'natcmp_pengembangan-diri', 'PENGEMBANGAN-DIRI', 'Pengembangan Diri dan Orang Lain', 'manajerial', 'Kemampuan meningkatkan pengetahuan dan menyempurnakan keterampilan diri, menginspirasi orang lain untuk mengembangkan dan menyempurnakan pengetahuan dan keterampilan.', '["Pengembangan diri melalui berbagai sumber belajar","Meningkatkan kemampuan bawahan dengan memberi contoh dan bimbingan","Memberikan umpan balik dan membimbing bawahan secara terencana","Menyusun program pengembangan jangka panjang bagi unit kerja","Menciptakan budaya belajar dan pengembangan di tingkat organisasi"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('', 'natcmp_mengelola-perubahan', 'MENGELOLA-PERUBAHAN', 'Mengelola Perubahan', 'manajerial', 'Kemampuan menyesuaikan diri dengan situasi yang baru atau berubah dan tidak bergantung secara berlebihan pada metode dan proses lama.', '["Menyesuaikan diri dengan perubahan","Proaktif beradaptasi mengikuti perubahan","Membantu orang lain mengikuti perubahan dan mengantisipasi dampaknya","Memimpin perubahan pada unit kerja","Mengarahkan perubahan secara strategis di tingkat organisasi"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('', 'natcmp_pengambilan-keputusan', 'PENGAMBILAN-KEPUTUSAN', 'Pengambilan Keputusan', 'manajerial', 'Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah mempertimbangkan prinsip kehati-hatian, alternatif dan dampaknya.', '["Mengumpulkan informasi untuk bertindak sesuai kewenangan","Menganalisis masalah secara mendalam","Membandingkan berbagai alternatif dan menyeimbangkan risiko keberhasilan","Menyelesaikan masalah yang mengandung risiko tinggi, mengantisipasi dampak keputusan","Menghasilkan solusi strategis yang berdampak pada tataran instansi dan nasional"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('', 'natcmp_perekat-bangsa', 'PEREKAT-BANGSA', 'Perekat Bangsa', 'sosial_kultural', 'Kemampuan mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan individu dan kelompok masyarakat; menjadi perekat bangsa dalam segala urusan dan tugasnya.', '["Peduli, menghargai dan menghormati keberagaman","Aktif mengembangkan sikap saling menghargai dan menekankan persamaan dan persatuan","Mempromosikan dan mengembangkan sikap toleransi dan persatuan","Mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan efektivitas organisasi","Wakil pemerintah untuk membangun hubungan sosial psikologis di tengah keberagaman"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
