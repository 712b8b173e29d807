import { processIo, runService } from '@restaurant/service';
import { customerService } from './customer.js';

process.exit(await runService(processIo(process), customerService));
