/**
 * The shapes of BKN's SIASN web service that the sync uses, in one place: the two token requests,
 * `POST {api}/kursus/save` and `POST {api}/upload-dok-rw`, with SIASN's answers. Both the client
 * (siasn-client.ts) and the test double of SIASN check requests and answers against these.
 *
 * Source: the public SIASN SDK `black-coffee04/ws-siasn-php` — src/Resources/Authentication.php
 * (the SSO token: form `grant_type=password`, `client_id`, `username`, `password`; the API-Manager
 * token: form `grant_type=client_credentials` with the consumer key and secret as HTTP Basic;
 * both answer `access_token`, `expires_in`), src/Services/KursusService.php (`kursus/save`: a JSON
 * body, dates `dd-mm-yyyy`, the new id in `mapData.rwKursusId`; every call carries
 * `Authorization: Bearer <API-Manager token>` and `Auth: bearer <SSO token>`), examples/kursus.php
 * (the body's fields) and src/Services/DokumenService.php (`upload-dok-rw`: multipart `file`,
 * `id_riwayat`, `id_ref_dokumen`; 874 is the document reference of riwayat kursus/diklat).
 */
import { z } from 'zod';

/** SIASN's document reference for the certificate of a riwayat kursus (`id_ref_dokumen`). */
export const siasnKursusDocumentRef = '874';

const ddmmyyyy = z.string().regex(/^\d{2}-\d{2}-\d{4}$/, 'dd-mm-yyyy');

/** The SSO token request (application/x-www-form-urlencoded). */
export const siasnSsoTokenForm = z.object({
  grant_type: z.literal('password'),
  client_id: z.string().min(1),
  username: z.string().min(1),
  password: z.string().min(1),
});

/** The API-Manager token request (form; the consumer key and secret go as HTTP Basic). */
export const siasnApimTokenForm = z.object({ grant_type: z.literal('client_credentials') });

/** Both token endpoints answer this. */
export const siasnTokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number() });

/** The body of `POST {api}/kursus/save`: one riwayat kursus of one PNS. */
export const siasnKursusSave = z.strictObject({
  instansiId: z.string().min(1),
  institusiPenyelenggara: z.string().min(1),
  jenisDiklatId: z.string().min(1),
  jenisKursus: z.string(),
  jenisKursusSertipikat: z.string(),
  jumlahJam: z.number().int().positive(),
  lokasiId: z.string(),
  namaKursus: z.string().min(1),
  nomorSertipikat: z.string(),
  pnsOrangId: z.string().min(1),
  tahunKursus: z.number().int(),
  tanggalKursus: ddmmyyyy,
  tanggalSelesaiKursus: ddmmyyyy,
  /** The documents already uploaded with `upload-dok`; the sync attaches its PDF afterwards with `upload-dok-rw`. */
  path: z.array(z.unknown()).optional(),
});
export type SiasnKursusSave = z.infer<typeof siasnKursusSave>;

/** SIASN's answer to `kursus/save`: `success` and a message, and the new riwayat's id when it was saved. */
export const siasnSaveAnswer = z.object({
  success: z.boolean().optional(),
  message: z.string().optional(),
  mapData: z.object({ rwKursusId: z.string().min(1) }).nullish(),
});

/** The text fields of `POST {api}/upload-dok-rw` (multipart/form-data, beside the `file` part). */
export const siasnUploadRiwayatFields = z.object({
  id_riwayat: z.string().min(1),
  id_ref_dokumen: z.string().min(1),
});

/** SIASN's answer to an upload: the stored document under `data` (its `dok_uri` among others). */
export const siasnUploadAnswer = z.object({
  success: z.boolean().optional(),
  message: z.string().optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
});
