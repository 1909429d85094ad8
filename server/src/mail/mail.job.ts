// The send_mail job: delivers one queued mail; a failure is retried with the queue's backoff.
import type { JobHandler } from '../jobs/job.types.ts';
import type { MailService } from './mail.service.ts';

export function createSendMailHandler(mail: MailService): JobHandler<'send_mail'> {
  return {
    async run(job) {
      await mail.deliver(job.mailId);
      return { kind: 'done' };
    },
    onGiveUp: (job, error) => mail.gaveUp(job.mailId, error),
  };
}
