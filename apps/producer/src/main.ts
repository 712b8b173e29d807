import { processIo, runService } from '@restaurant/service';
import { cookService } from './cook.js';

process.exit(await runService(processIo(process), cookService));
