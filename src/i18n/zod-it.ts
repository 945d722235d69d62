// Validation messages from zod in Italian (people read them in chat and in import errors).
import { z } from 'zod';

z.config(z.locales.it());
