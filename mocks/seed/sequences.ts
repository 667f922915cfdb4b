/** A sequence step sends on one channel after a delay. */
export interface SequenceStep {
  index: number;
  channelId: string;
  delayHours: number;
}

/** A named, multi-step outreach sequence. */
export interface Sequence {
  id: string;
  name: string;
  steps: SequenceStep[];
}

/** The sample organization's sequences, spanning channel types so eligibility warnings show. */
export const sampleSequences: Sequence[] = [
  {
    id: 'seq-welcome',
    name: 'Welcome series',
    steps: [
      { index: 0, channelId: 'ch-downtown-sms', delayHours: 0 },
      { index: 1, channelId: 'ch-downtown-email', delayHours: 24 },
      { index: 2, channelId: 'ch-downtown-whatsapp', delayHours: 72 },
    ],
  },
  {
    id: 'seq-reminder',
    name: 'Appointment reminders',
    steps: [
      { index: 0, channelId: 'ch-airport-sms', delayHours: 0 },
      { index: 1, channelId: 'ch-airport-sms', delayHours: 23 },
    ],
  },
  {
    id: 'seq-winback',
    name: 'Win-back offer',
    steps: [
      { index: 0, channelId: 'ch-uptown-email', delayHours: 0 },
      { index: 1, channelId: 'ch-uptown-sms', delayHours: 48 },
      { index: 2, channelId: 'ch-downtown-voice', delayHours: 96 },
    ],
  },
];
