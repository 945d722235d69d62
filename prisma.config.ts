// Used by the ordinary Prisma CLI (`prisma generate`, and `prisma migrate deploy` where the native
// schema engine can be downloaded). Reti itself applies migrations with the WebAssembly engine.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/reti' },
});
