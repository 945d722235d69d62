// Italian catalogue of what the Slack adapter itself writes (acknowledgements, modal chrome,
// truncation notes). Everything else people read comes from the core's catalogues.
export const itSlack = {
  /** Shown to the person (only to them) when a slash command could not be recorded. */
  notRecorded: 'Non sono riuscito a registrare la richiesta: riprova tra qualche istante.',
  /** Shown inside the modal when a submission could not be recorded. */
  formNotRecorded: 'Non sono riuscito a registrare il modulo: riprova tra qualche istante.',
  /** The modal could not be opened (Slack allows 3 seconds after the command). */
  formExpired: 'Non sono riuscito ad aprire il modulo in tempo: ripeti il comando.',
  cancel: 'Annulla',
  choose: 'Scegli…',
  /** Last block of a message cut at Slack's 50-block limit. */
  truncated: '… (messaggio troncato: era troppo lungo per Slack)',
} as const;
