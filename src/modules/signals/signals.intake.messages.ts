import type { Messages } from '../../core/i18n/types.ts';

/** Texts of the residents' signal form (/{council}/signaal) and the signals API. Dutch at B1 level first. */
export const signalsIntakeMessages = {
  'signals.intake.nav': { nl: 'Signaal melden', en: 'Report a problem' },

  // Start page
  'signals.intake.start.title': { nl: 'Een signaal melden', en: 'Report a problem (a signal)' },
  'signals.intake.start.lead': {
    nl: 'Loopt u vast met zorg, ondersteuning, werk, inkomen of jeugdhulp in de gemeente? Of ziet u dat iets niet goed gaat voor een groep inwoners? Meld het aan {council}.',
    en: 'Are you stuck with care, support, work, income or youth care in the municipality? Or do you see that something does not work for a group of residents? Tell {council}.',
  },
  'signals.intake.start.canTitle': { nl: 'Wat de adviesraad met uw signaal doet', en: 'What the council does with your signal' },
  'signals.intake.start.can1': {
    nl: 'Wij lezen elk signaal en bespreken het in de vergadering.',
    en: 'We read every signal and discuss it in our meeting.',
  },
  'signals.intake.start.can2': {
    nl: 'Wij kijken of meer inwoners hetzelfde probleem hebben.',
    en: 'We look at whether more residents have the same problem.',
  },
  'signals.intake.start.can3': {
    nl: 'Is dat zo, dan kan de raad de gemeente advies geven om het beleid te veranderen.',
    en: 'If so, the council can advise the municipality to change its policy.',
  },
  'signals.intake.start.cannotTitle': { nl: 'Wat de adviesraad niet kan', en: 'What the council cannot do' },
  'signals.intake.start.cannot': {
    nl: 'De adviesraad lost geen persoonlijke problemen op. Wij nemen geen besluiten over uw hulp, uw uitkering of uw aanvraag. Dat doet de gemeente.',
    en: 'The council does not solve personal problems. We do not decide on your care, your benefit or your application. The municipality does that.',
  },
  'signals.intake.start.helpTitle': { nl: 'Hulp nodig voor uzelf?', en: 'Do you need help yourself?' },
  'signals.intake.start.help': {
    nl: 'Neem contact op met het wijkteam van uw gemeente. U kunt ook gratis hulp krijgen van een cliëntondersteuner. Die helpt u bij een gesprek of aanvraag bij de gemeente. Bij spoed belt u 112.',
    en: 'Contact the neighbourhood team (wijkteam) of your municipality. You can also get free help from an independent client supporter (cliëntondersteuner). They help you with a conversation or an application at the municipality. In an emergency call 112.',
  },
  'signals.intake.start.nextTitle': { nl: 'Hoe het werkt', en: 'How it works' },
  'signals.intake.start.next': {
    nl: 'U beantwoordt 6 korte vragen. Dat duurt ongeveer 5 minuten. U kiest zelf of u anoniem blijft. Voor het versturen ziet u al uw antwoorden nog een keer. Daarna krijgt u een nummer van uw melding.',
    en: 'You answer 6 short questions. This takes about 5 minutes. You choose whether you stay anonymous. Before you send it, you see all your answers once more. Then you get a number for your report.',
  },
  'signals.intake.start.noCookies': {
    nl: 'Wij slaan niets op voordat u op "Verstuur melding" klikt. Deze pagina\'s gebruiken geen cookies.',
    en: 'We store nothing until you click "Send report". These pages use no cookies.',
  },
  'signals.intake.start.button': { nl: 'Start', en: 'Start' },

  // Steps
  'signals.intake.step': { nl: 'Stap {n} van {total}', en: 'Step {n} of {total}' },
  'signals.intake.stepTitle': { nl: 'Stap {n} van {total}: {question}', en: 'Step {n} of {total}: {question}' },
  'signals.intake.continue': { nl: 'Volgende', en: 'Continue' },
  'signals.intake.back': { nl: 'Vorige', en: 'Back' },
  'signals.intake.backToStart': { nl: 'Terug naar de uitleg', en: 'Back to the explanation' },
  'signals.intake.description.question': { nl: 'Wat is er gebeurd?', en: 'What happened?' },
  'signals.intake.description.hint': {
    nl: 'Vertel in uw eigen woorden wat er niet goed gaat. Bijvoorbeeld: een lange wachttijd, een brief die u niet begrijpt, of vervoer dat niet komt.',
    en: 'Tell us in your own words what is not working. For example: a long waiting time, a letter you do not understand, or transport that does not turn up.',
  },
  'signals.intake.description.warningTitle': { nl: 'Let op', en: 'Please note' },
  'signals.intake.description.warning': {
    nl: 'Schrijf geen medische gegevens op, zoals een ziekte of medicijnen. Noem ook geen namen van andere mensen. Dat hebben wij niet nodig om het probleem te begrijpen.',
    en: 'Do not write down medical details, such as an illness or medicines. Do not name other people either. We do not need that to understand the problem.',
  },
  'signals.intake.description.limit': { nl: 'U kunt hooguit ongeveer 10.000 tekens schrijven.', en: 'You can write at most about 10,000 characters.' },
  'signals.intake.area.question': { nl: 'Over welk onderwerp gaat het?', en: 'What is it about?' },
  'signals.intake.area.hint': { nl: 'Kies het onderwerp dat het beste past.', en: 'Choose the subject that fits best.' },
  'signals.intake.area.required': { nl: 'Kies het onderwerp van uw melding.', en: 'Choose what your report is about.' },
  'signals.intake.since.question': { nl: 'Sinds wanneer speelt het probleem?', en: 'Since when has the problem been going on?' },
  'signals.intake.since.required': { nl: 'Kies sinds wanneer het probleem speelt.', en: 'Choose since when the problem has been going on.' },
  'signals.intake.people.question': { nl: 'Voor hoeveel mensen is dit een probleem?', en: 'How many people have this problem?' },
  'signals.intake.people.label': { nl: 'Aantal mensen', en: 'Number of people' },
  'signals.intake.people.hint': {
    nl: 'Weet u dat dit ook voor anderen speelt? Schrijf een schatting als getal, bijvoorbeeld 1 als het alleen om u gaat. Weet u het niet, laat het veld dan leeg.',
    en: 'Do you know that others have this problem too? Write an estimate as a number, for example 1 if it is only about you. If you do not know, leave the field empty.',
  },
  'signals.intake.contact.question': { nl: 'Wilt u anoniem blijven?', en: 'Do you want to stay anonymous?' },
  'signals.intake.contact.hint': {
    nl: 'Laat u uw gegevens achter, dan sturen wij u een bevestiging en later een kort bericht als de raad uw signaal heeft besproken. Wij nemen alleen contact op als dat nodig is.',
    en: 'If you leave your details, we send you a confirmation and later a short message when the council has discussed your signal. We only contact you when needed.',
  },
  'signals.intake.contact.anonymous': { nl: 'Ja, ik blijf anoniem', en: 'Yes, I stay anonymous' },
  'signals.intake.contact.details': { nl: 'Nee, ik laat mijn gegevens achter', en: 'No, I leave my details' },
  'signals.intake.contact.required': {
    nl: 'Kies of u anoniem blijft of uw gegevens achterlaat.',
    en: 'Choose whether you stay anonymous or leave your details.',
  },
  'signals.intake.contact.detailsTitle': { nl: 'Uw gegevens', en: 'Your details' },
  'signals.intake.contact.detailsHint': {
    nl: 'Alleen als u "Nee, ik laat mijn gegevens achter" kiest. Vul minstens uw e-mailadres of uw telefoonnummer in.',
    en: 'Only if you choose "No, I leave my details". Fill in at least your e-mail address or your phone number.',
  },
  'signals.intake.contact.name': { nl: 'Naam', en: 'Name' },
  'signals.intake.contact.email': { nl: 'E-mailadres', en: 'E-mail address' },
  'signals.intake.contact.emailHint': {
    nl: 'Hierop krijgt u de bevestiging met het nummer van uw melding.',
    en: 'We send the confirmation with the number of your report here.',
  },
  'signals.intake.contact.phone': { nl: 'Telefoonnummer', en: 'Phone number' },
  'signals.intake.contact.emailOrPhone': { nl: 'Vul uw e-mailadres of uw telefoonnummer in.', en: 'Fill in your e-mail address or your phone number.' },
  'signals.intake.consent.question': { nl: 'Mogen wij uw gegevens gebruiken?', en: 'May we use your details?' },
  'signals.intake.consent.explain1': {
    nl: 'Uw signaal kan gaan over uw gezondheid of uw thuissituatie. Dat zijn gevoelige gegevens. Daarom vragen wij uw toestemming.',
    en: 'Your signal may be about your health or your home situation. That is sensitive information. That is why we ask for your permission.',
  },
  'signals.intake.consent.explain2': {
    nl: 'Uw naam, e-mailadres en telefoonnummer bewaren wij apart en versleuteld. Alleen de secretaris en de voorzitter van de adviesraad kunnen ze zien. Elke keer dat iemand ze bekijkt, schrijven wij dat op.',
    en: 'We keep your name, e-mail address and phone number separately and encrypted. Only the secretary and the chair of the council can see them. Every time someone looks at them, we record it.',
  },
  'signals.intake.consent.explain3': {
    nl: 'Wij gebruiken uw gegevens alleen voor uw signaal. Wij geven ze niet aan de gemeente of aan anderen.',
    en: 'We only use your details for your signal. We do not give them to the municipality or anyone else.',
  },
  'signals.intake.consent.retention': {
    nl: 'Als de raad uw signaal heeft afgehandeld, verwijderen wij uw contactgegevens na {contactMonths}. Uw verhaal maken wij na {textMonths} anoniem. U kunt altijd vragen om uw gegevens te zien of te verwijderen. Noem dan het nummer van uw melding.',
    en: 'When the council has dealt with your signal, we delete your contact details after {contactMonths}. We make your story anonymous after {textMonths}. You can always ask to see or delete your data. Then mention the number of your report.',
  },
  'signals.intake.months.one': { nl: '{n} maand', en: '{n} month' },
  'signals.intake.months.other': { nl: '{n} maanden', en: '{n} months' },
  'signals.intake.consent.label': {
    nl: 'Ik geef toestemming om mijn signaal en mijn contactgegevens hiervoor te gebruiken.',
    en: 'I give permission to use my signal and my contact details for this.',
  },
  'signals.intake.consent.required': {
    nl: 'Geef toestemming, of ga terug en kies om anoniem te blijven.',
    en: 'Give permission, or go back and choose to stay anonymous.',
  },
  'signals.intake.consent.given': { nl: 'Ja, ik geef toestemming', en: 'Yes, I give permission' },

  // Check your answers
  'signals.intake.check.title': { nl: 'Controleer uw antwoorden', en: 'Check your answers' },
  'signals.intake.check.intro': {
    nl: 'Kloppen uw antwoorden? Met "Wijzig" past u een antwoord aan. Daarna komt u hier terug.',
    en: 'Are your answers correct? Use "Change" to change an answer. Then you come back here.',
  },
  'signals.intake.check.caption': { nl: 'Uw antwoorden', en: 'Your answers' },
  'signals.intake.check.unknown': { nl: 'Weet ik niet', en: 'I do not know' },
  'signals.intake.check.anonymous': { nl: 'Ik blijf anoniem', en: 'I stay anonymous' },
  'signals.intake.check.contact': { nl: 'Contactgegevens', en: 'Contact details' },
  'signals.intake.check.sendTitle': { nl: 'Melding versturen', en: 'Send your report' },
  'signals.intake.check.sendText': {
    nl: 'Als u op "Verstuur melding" klikt, krijgt de adviesraad uw signaal.',
    en: 'When you click "Send report", the council receives your signal.',
  },
  'signals.intake.check.submit': { nl: 'Verstuur melding', en: 'Send report' },
  'signals.intake.honeypot': { nl: 'Laat dit veld leeg. Het is een controle tegen spam.', en: 'Leave this field empty. It is a check against spam.' },
  'signals.intake.tooFast': {
    nl: 'U verstuurde het formulier sneller dan wij verwachtten. Controleer uw antwoorden en klik dan nog een keer op "Verstuur melding".',
    en: 'You sent the form faster than we expected. Check your answers, then click "Send report" once more.',
  },

  // Confirmation and limits
  'signals.intake.done.title': { nl: 'Uw melding is verstuurd', en: 'Your report has been sent' },
  'signals.intake.done.reference': { nl: 'Het nummer van uw melding is', en: 'The number of your report is' },
  'signals.intake.done.keep': {
    nl: 'Bewaar dit nummer. Noem het als u contact opneemt over uw melding.',
    en: 'Keep this number. Mention it when you contact us about your report.',
  },
  'signals.intake.done.thanks': { nl: 'Dank u wel voor uw signaal.', en: 'Thank you for your signal.' },
  'signals.intake.done.nextTitle': { nl: 'Wat gebeurt er nu?', en: 'What happens next?' },
  'signals.intake.done.next1': {
    nl: 'De secretaris van de adviesraad leest uw signaal en kijkt of anderen hetzelfde meldden.',
    en: 'The secretary of the council reads your signal and checks whether others reported the same.',
  },
  'signals.intake.done.next2': {
    nl: 'De raad bespreekt de signalen in de vergadering. Ziet de raad dat een groep inwoners last heeft van een regel of van de uitvoering, dan kan de raad de gemeente advies geven.',
    en: 'The council discusses the signals in its meeting. If the council sees that a group of residents is affected by a rule or by how it is carried out, the council can advise the municipality.',
  },
  'signals.intake.done.next3': {
    nl: 'Liet u uw e-mailadres achter? Dan krijgt u een bevestiging per e-mail, en een kort bericht als de raad uw signaal heeft besproken.',
    en: 'Did you leave your e-mail address? Then you get a confirmation by e-mail, and a short message when the council has discussed your signal.',
  },
  'signals.intake.done.help': {
    nl: 'Hulp nodig voor uzelf? Neem contact op met het wijkteam of met een cliëntondersteuner.',
    en: 'Need help yourself? Contact the neighbourhood team or an independent client supporter.',
  },
  'signals.intake.done.another': { nl: 'Nog een signaal melden', en: 'Report another problem' },
  'signals.intake.done.home': { nl: 'Naar de homepage van {council}', en: 'To the home page of {council}' },
  'signals.intake.limit.title': { nl: 'Te veel meldingen vanaf dit adres', en: 'Too many reports from this address' },
  'signals.intake.limit.body': {
    nl: 'Vanaf uw internetadres kwamen in het afgelopen uur al veel meldingen binnen. Er is niets opgeslagen. Probeer het over een uur opnieuw.',
    en: 'Many reports already came from your internet address in the past hour. Nothing was saved. Please try again in an hour.',
  },
  'signals.intake.limit.contact': {
    nl: 'Is het dringend? Stuur de adviesraad een e-mail: {email}.',
    en: 'Is it urgent? Send the council an e-mail: {email}.',
  },
} satisfies Messages;
