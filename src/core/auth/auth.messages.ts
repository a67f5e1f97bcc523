import type { Messages } from '../i18n/types.ts';

export const authMessages = {
  // Fields
  'auth.field.email': { nl: 'E-mailadres', en: 'E-mail address' },
  'auth.field.password': { nl: 'Wachtwoord', en: 'Password' },
  'auth.field.currentPassword': { nl: 'Huidig wachtwoord', en: 'Current password' },
  'auth.field.newPassword': { nl: 'Nieuw wachtwoord', en: 'New password' },
  'auth.field.choosePassword': { nl: 'Kies een wachtwoord', en: 'Choose a password' },
  'auth.field.newPasswordHint': {
    nl: 'Gebruik minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.',
    en: 'Use at least 12 characters. A sentence of a few words is strong and easy to remember.',
  },
  'auth.field.repeatPassword': { nl: 'Herhaal het wachtwoord', en: 'Repeat the password' },
  'auth.field.code': { nl: 'Code van 6 cijfers', en: '6-digit code' },
  'auth.field.codeHint': { nl: 'De code in de app verandert elke 30 seconden.', en: 'The code in the app changes every 30 seconds.' },
  'auth.field.language': { nl: 'Taal van de website en de e-mails', en: 'Language of the website and e-mails' },
  'auth.language.nl': { nl: 'Nederlands', en: 'Nederlands (Dutch)' },
  'auth.language.en': { nl: 'English (Engels)', en: 'English' },

  // Password rules
  'auth.password.tooShort': { nl: 'Het wachtwoord is te kort. Gebruik minstens 12 tekens.', en: 'The password is too short. Use at least 12 characters.' },
  'auth.password.mismatch': {
    nl: 'De wachtwoorden zijn niet hetzelfde. Vul twee keer hetzelfde wachtwoord in.',
    en: 'The passwords are not the same. Enter the same password twice.',
  },
  'auth.password.wrongCurrent': { nl: 'Uw huidige wachtwoord klopt niet.', en: 'Your current password is not correct.' },
  'auth.password.throttled': {
    nl: 'U hebt te vaak een verkeerd wachtwoord ingevuld. Wacht 15 minuten en probeer het dan opnieuw.',
    en: 'You entered a wrong password too often. Wait 15 minutes, then try again.',
  },

  // Log in
  'auth.login.title': { nl: 'Inloggen', en: 'Log in' },
  'auth.login.intro': { nl: 'Log in met uw e-mailadres en wachtwoord.', en: 'Log in with your e-mail address and password.' },
  'auth.login.submit': { nl: 'Inloggen', en: 'Log in' },
  'auth.login.failed': { nl: 'E-mailadres of wachtwoord klopt niet.', en: 'E-mail address or password is not correct.' },
  'auth.login.throttledTitle': { nl: 'Even wachten', en: 'Please wait' },
  'auth.login.throttled': {
    nl: 'Er is te vaak een verkeerd wachtwoord ingevuld. Daarom kunt u nu even niet inloggen. Wacht 15 minuten en probeer het dan opnieuw.',
    en: 'A wrong password was entered too often. That is why you cannot log in right now. Wait 15 minutes, then try again.',
  },
  'auth.login.forgot': { nl: 'Wachtwoord vergeten?', en: 'Forgot your password?' },
  'auth.login.noAccount': {
    nl: 'Nog geen account? Uw adviesraad stuurt u een uitnodiging per e-mail.',
    en: 'No account yet? Your council sends you an invitation by e-mail.',
  },

  // Code
  'auth.code.title': { nl: 'Code invullen', en: 'Enter code' },
  'auth.code.intro': {
    nl: 'Open de code-app op uw telefoon. Vul de code van 6 cijfers in die u daar ziet.',
    en: 'Open the code app on your phone. Enter the 6-digit code you see there.',
  },
  'auth.code.submit': { nl: 'Verder', en: 'Continue' },
  'auth.code.format': { nl: 'Vul een code van 6 cijfers in.', en: 'Enter a code of 6 digits.' },
  'auth.code.wrong': {
    nl: 'Deze code klopt niet. Vul de code in die de app nu laat zien.',
    en: 'This code is not correct. Enter the code the app shows now.',
  },
  'auth.code.throttled': {
    nl: 'U hebt te vaak een verkeerde code ingevuld. Wacht 15 minuten en probeer het dan opnieuw.',
    en: 'You entered a wrong code too often. Wait 15 minutes, then try again.',
  },
  'auth.code.cancel': { nl: 'Stoppen en uitloggen', en: 'Stop and log out' },

  // Two-step verification
  'auth.totp.title': { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  'auth.totp.explain': {
    nl: 'Met tweestapsverificatie is uw account beter beveiligd. U logt dan in met uw wachtwoord en met een code uit een app op uw telefoon.',
    en: 'Two-step verification protects your account better. You then log in with your password and with a code from an app on your phone.',
  },
  'auth.totp.required': {
    nl: 'Voor uw rol is tweestapsverificatie verplicht. Stel het nu in. Daarna kunt u verder.',
    en: 'Your role requires two-step verification. Set it up now. Then you can continue.',
  },
  'auth.totp.setupTitle': { nl: 'Tweestapsverificatie instellen', en: 'Set up two-step verification' },
  'auth.totp.step1': {
    nl: 'Stap 1: installeer een code-app op uw telefoon. Bijvoorbeeld FreeOTP, Google Authenticator of Microsoft Authenticator.',
    en: 'Step 1: install a code app on your phone. For example FreeOTP, Google Authenticator or Microsoft Authenticator.',
  },
  'auth.totp.step2': { nl: 'Stap 2: scan deze QR-code met de app.', en: 'Step 2: scan this QR code with the app.' },
  'auth.totp.qrAlt': {
    nl: 'QR-code om Raadwerk toe te voegen aan uw code-app',
    en: 'QR code to add Raadwerk to your code app',
  },
  'auth.totp.manual': {
    nl: 'Kunt u de QR-code niet scannen? Typ dan deze sleutel over in de app:',
    en: 'Cannot scan the QR code? Then type this key into the app:',
  },
  'auth.totp.step3': {
    nl: 'Stap 3: vul de code van 6 cijfers in die de app nu laat zien.',
    en: 'Step 3: enter the 6-digit code the app shows now.',
  },
  'auth.totp.enable': { nl: 'Tweestapsverificatie aanzetten', en: 'Turn on two-step verification' },
  'auth.totp.expired': {
    nl: 'Het instellen is niet gelukt. Scan de nieuwe QR-code en vul de code opnieuw in.',
    en: 'Setting up did not work. Scan the new QR code and enter the code again.',
  },
  'auth.totp.statusOn': { nl: 'Tweestapsverificatie staat aan.', en: 'Two-step verification is on.' },
  'auth.totp.statusOff': { nl: 'Tweestapsverificatie staat uit.', en: 'Two-step verification is off.' },
  'auth.totp.enabled': {
    nl: 'Tweestapsverificatie staat nu aan. Bij het inloggen vragen wij voortaan ook een code uit de app.',
    en: 'Two-step verification is now on. From now on we also ask for a code from the app when you log in.',
  },
  'auth.totp.disabled': { nl: 'Tweestapsverificatie staat nu uit.', en: 'Two-step verification is now off.' },
  'auth.totp.cannotDisable': {
    nl: 'Voor uw rol is tweestapsverificatie verplicht. Daarom kunt u het niet uitzetten.',
    en: 'Your role requires two-step verification. That is why you cannot turn it off.',
  },
  'auth.totp.disableTitle': { nl: 'Tweestapsverificatie uitzetten', en: 'Turn off two-step verification' },
  'auth.totp.disableIntro': {
    nl: 'Vul uw wachtwoord in om tweestapsverificatie uit te zetten. Uw account is daarna minder goed beveiligd.',
    en: 'Enter your password to turn off two-step verification. Your account is then less well protected.',
  },
  'auth.totp.disable': { nl: 'Uitzetten', en: 'Turn off' },

  // Recovery codes
  'auth.field.loginCode': { nl: 'Code', en: 'Code' },
  'auth.field.loginCodeHint': {
    nl: 'Vul de code van 6 cijfers uit de app in. Die code verandert elke 30 seconden. Hebt u uw telefoon niet? Vul dan een van uw herstelcodes in.',
    en: 'Enter the 6-digit code from the app. That code changes every 30 seconds. You do not have your phone? Then enter one of your recovery codes.',
  },
  'auth.code.formatOrRecovery': {
    nl: 'Vul de code van 6 cijfers uit de app in, of een herstelcode van 10 tekens.',
    en: 'Enter the 6-digit code from the app, or a recovery code of 10 characters.',
  },
  'auth.code.wrongRecovery': {
    nl: 'Deze herstelcode klopt niet of is al gebruikt. Elke herstelcode werkt maar 1 keer.',
    en: 'This recovery code is not correct or has already been used. Each recovery code works only once.',
  },
  'auth.recovery.title': { nl: 'Uw herstelcodes', en: 'Your recovery codes' },
  'auth.recovery.onceTitle': { nl: 'Schrijf deze codes nu op', en: 'Write these codes down now' },
  'auth.recovery.once': {
    nl: 'U ziet deze codes maar 1 keer. Daarna kunnen wij ze niet meer laten zien.',
    en: 'You see these codes only once. After that we cannot show them again.',
  },
  'auth.recovery.explain': {
    nl: 'Bent u uw telefoon kwijt, of werkt de code-app niet? Dan logt u in met een herstelcode. U vult die in op de plek van de code uit de app.',
    en: 'Lost your phone, or the code app does not work? Then you log in with a recovery code. You enter it where you would enter the code from the app.',
  },
  'auth.recovery.listLabel': { nl: 'Uw 10 herstelcodes', en: 'Your 10 recovery codes' },
  'auth.recovery.adviceTitle': { nl: 'Zo bewaart u de codes goed', en: 'How to keep the codes safe' },
  'auth.recovery.advicePrint': { nl: 'Druk deze pagina af, of schrijf de codes op papier.', en: 'Print this page, or write the codes on paper.' },
  'auth.recovery.adviceApart': {
    nl: 'Bewaar het papier op een veilige plek thuis. Niet bij uw telefoon: als u die kwijt bent, hebt u de codes juist nodig.',
    en: 'Keep the paper in a safe place at home. Not with your phone: if you lose it, that is when you need the codes.',
  },
  'auth.recovery.adviceOnce': {
    nl: 'Elke code werkt maar 1 keer. Streep een code door als u die hebt gebruikt.',
    en: 'Each code works only once. Cross out a code after you have used it.',
  },
  'auth.recovery.adviceSecret': {
    nl: 'Geef de codes aan niemand. Wij vragen nooit om een herstelcode, ook niet per e-mail of telefoon.',
    en: 'Give the codes to no one. We never ask for a recovery code, not by e-mail or phone either.',
  },
  'auth.recovery.continue': { nl: 'Verder', en: 'Continue' },
  'auth.recovery.replaced': {
    nl: 'Uw nieuwe herstelcodes zijn gemaakt. De oude herstelcodes werken niet meer.',
    en: 'Your new recovery codes have been made. The old recovery codes no longer work.',
  },
  'auth.recovery.sectionTitle': { nl: 'Herstelcodes', en: 'Recovery codes' },
  'auth.recovery.left': { nl: 'U hebt nog {count} herstelcodes die u kunt gebruiken.', en: 'You have {count} recovery codes left that you can use.' },
  'auth.recovery.lowTitle': { nl: 'Bijna geen herstelcodes meer', en: 'Almost no recovery codes left' },
  'auth.recovery.low': {
    nl: 'U hebt nog maar {count} herstelcodes over. Maak nieuwe herstelcodes en bewaar ze goed.',
    en: 'You have only {count} recovery codes left. Make new recovery codes and keep them safe.',
  },
  'auth.recovery.lowOne': {
    nl: 'U hebt nog maar 1 herstelcode over. Maak nieuwe herstelcodes en bewaar ze goed.',
    en: 'You have only 1 recovery code left. Make new recovery codes and keep them safe.',
  },
  'auth.recovery.noneTitle': { nl: 'Geen herstelcodes', en: 'No recovery codes' },
  'auth.recovery.none': {
    nl: 'U hebt geen herstelcodes die u kunt gebruiken. Maak nieuwe herstelcodes en bewaar ze goed.',
    en: 'You have no recovery codes you can use. Make new recovery codes and keep them safe.',
  },
  'auth.recovery.newIntro': {
    nl: 'Maakt u nieuwe herstelcodes? Dan werken al uw oude herstelcodes niet meer. Vul uw wachtwoord in om verder te gaan.',
    en: 'If you make new recovery codes, all your old recovery codes stop working. Enter your password to continue.',
  },
  'auth.recovery.new': { nl: 'Nieuwe herstelcodes maken', en: 'Make new recovery codes' },

  // Account
  'auth.account.title': { nl: 'Mijn account', en: 'My account' },
  'auth.account.details': { nl: 'Uw gegevens', en: 'Your details' },
  'auth.account.name': { nl: 'Naam', en: 'Name' },
  'auth.account.email': { nl: 'E-mailadres', en: 'E-mail address' },
  'auth.account.twoFactor': { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  'auth.account.on': { nl: 'Aan', en: 'On' },
  'auth.account.off': { nl: 'Uit', en: 'Off' },
  'auth.account.manageTwoFactor': { nl: 'Tweestapsverificatie instellen of uitzetten', en: 'Set up or turn off two-step verification' },
  'auth.account.passwordTitle': { nl: 'Wachtwoord wijzigen', en: 'Change password' },
  'auth.account.passwordIntro': {
    nl: 'Na het wijzigen bent u op andere apparaten uitgelogd. Op dit apparaat blijft u ingelogd.',
    en: 'After the change you are logged out on other devices. On this device you stay logged in.',
  },
  'auth.account.passwordSubmit': { nl: 'Wachtwoord wijzigen', en: 'Change password' },
  'auth.account.passwordChanged': {
    nl: 'Uw wachtwoord is gewijzigd. Op andere apparaten bent u nu uitgelogd.',
    en: 'Your password has been changed. You are now logged out on other devices.',
  },
  'auth.account.languageTitle': { nl: 'Taal', en: 'Language' },
  'auth.account.languageSubmit': { nl: 'Taal opslaan', en: 'Save language' },
  'auth.account.languageSaved': { nl: 'Uw taal is opgeslagen.', en: 'Your language has been saved.' },
  'auth.account.done': { nl: 'Gelukt', en: 'Done' },

  // Forgot password
  'auth.forgot.title': { nl: 'Wachtwoord vergeten', en: 'Forgot password' },
  'auth.forgot.intro': {
    nl: 'Vul het e-mailadres van uw account in. Wij sturen u een e-mail met een link. Met die link kiest u een nieuw wachtwoord.',
    en: 'Enter the e-mail address of your account. We will send you an e-mail with a link. With that link you choose a new password.',
  },
  'auth.forgot.submit': { nl: 'Stuur mij een link', en: 'Send me a link' },
  'auth.forgot.sentTitle': { nl: 'Kijk in uw e-mail', en: 'Check your e-mail' },
  'auth.forgot.sentBody': {
    nl: 'Hoort dit e-mailadres bij een account? Dan krijgt u binnen een paar minuten een e-mail met een link. De link werkt 1 uur en maar 1 keer.',
    en: 'Does this e-mail address belong to an account? Then you will get an e-mail with a link within a few minutes. The link works for 1 hour and only once.',
  },
  'auth.forgot.sentNoMail': {
    nl: 'Geen e-mail gekregen? Kijk ook bij de ongewenste e-mail (spam). Of vraag een nieuwe link aan.',
    en: 'No e-mail? Also look in your junk mail (spam). Or ask for a new link.',
  },
  'auth.forgot.again': { nl: 'Vraag een nieuwe link aan', en: 'Ask for a new link' },

  // Reset password
  'auth.reset.title': { nl: 'Nieuw wachtwoord kiezen', en: 'Choose a new password' },
  'auth.reset.intro': { nl: 'Kies een nieuw wachtwoord voor uw account.', en: 'Choose a new password for your account.' },
  'auth.reset.submit': { nl: 'Wachtwoord opslaan', en: 'Save password' },
  'auth.reset.doneTitle': { nl: 'Uw wachtwoord is gewijzigd', en: 'Your password has been changed' },
  'auth.reset.doneBody': {
    nl: 'U kunt nu inloggen met uw nieuwe wachtwoord. Op alle apparaten bent u uitgelogd.',
    en: 'You can now log in with your new password. You have been logged out on all devices.',
  },
  'auth.reset.loginLink': { nl: 'Naar inloggen', en: 'Go to log in' },
  'auth.token.invalidTitle': { nl: 'Deze link werkt niet meer', en: 'This link no longer works' },
  'auth.token.resetInvalid': {
    nl: 'De link is verlopen, al gebruikt of niet compleet. Een link werkt 1 uur en maar 1 keer. Vraag een nieuwe link aan.',
    en: 'The link has expired, has been used, or is incomplete. A link works for 1 hour and only once. Ask for a new link.',
  },
  'auth.token.invitationInvalid': {
    nl: 'De uitnodiging is verlopen, al gebruikt of niet compleet. Een uitnodiging werkt 7 dagen en maar 1 keer. Vraag de secretaris van uw adviesraad om een nieuwe uitnodiging.',
    en: 'The invitation has expired, has been used, or is incomplete. An invitation works for 7 days and only once. Ask the secretary of your council for a new invitation.',
  },

  // Invitation
  'auth.invite.title': { nl: 'Welkom bij {council}', en: 'Welcome to {council}' },
  'auth.invite.intro': {
    nl: 'Beste {name}, u bent uitgenodigd voor de werkruimte van {council}. Kies een wachtwoord. Daarmee logt u voortaan in.',
    en: 'Dear {name}, you have been invited to the workspace of {council}. Choose a password. You will use it to log in from now on.',
  },
  'auth.invite.submit': { nl: 'Wachtwoord opslaan en verder', en: 'Save password and continue' },
  'auth.invite.hasAccountTitle': { nl: 'U hebt al een account', en: 'You already have an account' },
  'auth.invite.hasAccountBody': {
    nl: 'U hebt al een wachtwoord. Log in met uw e-mailadres en wachtwoord. Daarna opent u de werkruimte van {council}.',
    en: 'You already have a password. Log in with your e-mail address and password. Then you can open the workspace of {council}.',
  },

  // E-mails (plain text)
  'auth.mail.invitation.subject': { nl: 'Uitnodiging voor de werkruimte van {council}', en: 'Invitation to the workspace of {council}' },
  'auth.mail.invitation.body': {
    nl: 'Beste {name},\n\n{inviter} nodigt u uit voor de werkruimte van {council} op Raadwerk.\n\nKlik op de link hieronder en kies een wachtwoord:\n{link}\n\nDe link werkt 7 dagen en maar 1 keer. Werkt de link niet meer? Vraag dan een nieuwe uitnodiging aan de secretaris van de raad.\n\nHebt u deze uitnodiging niet verwacht? Dan kunt u deze e-mail negeren.\n\nMet vriendelijke groet,\n{council}',
    en: 'Dear {name},\n\n{inviter} invites you to the workspace of {council} on Raadwerk.\n\nClick the link below and choose a password:\n{link}\n\nThe link works for 7 days and only once. Does the link no longer work? Then ask the secretary of the council for a new invitation.\n\nDid you not expect this invitation? Then you can ignore this e-mail.\n\nKind regards,\n{council}',
  },
  'auth.mail.reset.subject': { nl: 'Nieuw wachtwoord kiezen', en: 'Choose a new password' },
  'auth.mail.reset.body': {
    nl: 'Beste {name},\n\nU vroeg om een nieuw wachtwoord voor Raadwerk. Klik op de link hieronder en kies een nieuw wachtwoord:\n{link}\n\nDe link werkt 1 uur en maar 1 keer.\n\nVroeg u niet om een nieuw wachtwoord? Dan kunt u deze e-mail negeren. Uw wachtwoord blijft dan hetzelfde.\n\nMet vriendelijke groet,\nRaadwerk',
    en: 'Dear {name},\n\nYou asked for a new password for Raadwerk. Click the link below and choose a new password:\n{link}\n\nThe link works for 1 hour and only once.\n\nDid you not ask for a new password? Then you can ignore this e-mail. Your password stays the same.\n\nKind regards,\nRaadwerk',
  },
  'auth.mail.passwordChanged.subject': { nl: 'Uw wachtwoord is gewijzigd', en: 'Your password has been changed' },
  'auth.mail.passwordChanged.body': {
    nl: 'Beste {name},\n\nHet wachtwoord van uw account op Raadwerk is zojuist gewijzigd.\n\nDeed u dit zelf? Dan hoeft u niets te doen.\n\nDeed u dit niet? Kies dan meteen een nieuw wachtwoord via deze link:\n{link}\nEn laat het de secretaris van uw adviesraad weten.\n\nMet vriendelijke groet,\nRaadwerk',
    en: 'Dear {name},\n\nThe password of your Raadwerk account has just been changed.\n\nDid you do this yourself? Then you do not need to do anything.\n\nDid you not do this? Then choose a new password at once via this link:\n{link}\nAnd tell the secretary of your council.\n\nKind regards,\nRaadwerk',
  },
  'auth.mail.recoveryUsed.subject': { nl: 'U bent ingelogd met een herstelcode', en: 'You logged in with a recovery code' },
  'auth.mail.recoveryUsed.left': { nl: 'U hebt nog {count} herstelcodes over.', en: 'You have {count} recovery codes left.' },
  'auth.mail.recoveryUsed.leftOne': { nl: 'U hebt nog 1 herstelcode over.', en: 'You have 1 recovery code left.' },
  'auth.mail.recoveryUsed.leftNone': {
    nl: 'U hebt geen herstelcodes meer over. Maak dus nu nieuwe herstelcodes.',
    en: 'You have no recovery codes left. So make new recovery codes now.',
  },
  'auth.mail.recoveryUsed.body': {
    nl: 'Beste {name},\n\nU bent zojuist op Raadwerk ingelogd met een herstelcode. Elke herstelcode werkt maar 1 keer. {left}\n\nBent u uw telefoon kwijt? Of hebt u bijna geen herstelcodes meer? Maak dan nieuwe herstelcodes via deze link:\n{link}\n\nDeed u dit niet zelf? Kies dan meteen een nieuw wachtwoord en maak nieuwe herstelcodes. En laat het de secretaris van uw adviesraad weten.\n\nMet vriendelijke groet,\nRaadwerk',
    en: 'Dear {name},\n\nYou have just logged in to Raadwerk with a recovery code. Each recovery code works only once. {left}\n\nHave you lost your phone? Or do you have almost no recovery codes left? Then make new recovery codes via this link:\n{link}\n\nDid you not do this yourself? Then choose a new password at once and make new recovery codes. And tell the secretary of your council.\n\nKind regards,\nRaadwerk',
  },
} satisfies Messages;
