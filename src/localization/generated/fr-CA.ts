
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's00b679707ef1a6b8': str`En file de révision : un agent décide dans les 10 jours ouvrables. L’appliquer désabonnerait ${0} canaux.`,
's00e595a5c5535e87': `Mot-clé exact`,
's01ada5b6b9199d3c': str`${0} / ${1} caractères : plus long que ne peut l’être un message entrant`,
's0a27a985a00475cf': `Désabonnement`,
's0b7ae9543c001867': `Réponse`,
's0d83041eb0fda407': str`Si un contact répond STOP à ${0}, il est désabonné de tous les canaux de ce type (${1}) : ${2}. Répondre START le réabonne aux mêmes canaux.`,
's105481c8262fdb04': `Mot-clé`,
's1464141f397645d2': `Simulez la réponse d’un contact et voyez ce que feraient les règles de désabonnement. Rien n’est envoyé ni enregistré.`,
's1aa9f6a8391d4cee': `Aucune demande de désabonnement, d’abonnement ou d’aide reconnue : le message arrive dans la boîte de réception comme d’habitude.`,
's1da50951bdd7a204': `Canal`,
's25b4f706a60d7c87': `WhatsApp`,
's31c50dc13bd3911c': `Une réponse STOP désabonne le contact de tous les canaux de tous les types, à tous les emplacements.`,
's35ef562556675983': `Demande d’aide`,
's37078ec334204e90': `Seulement le canal utilisé`,
's47a9f592c61daa59': `Voix`,
's4aba9979380614e1': `Classification`,
's4e172ef831e7fd17': `Simulateur de réponses entrantes`,
's500f4cf79ceb48c8': `Tous les canaux du même type`,
's5d9099244fd36c9a': `Demandes en langage courant`,
's5e9d45c05f996c73': `Canaux qui seraient désabonnés`,
's669b18c6d2d9c95b': `Aucune`,
's81806fbf75aeec60': str`Si un contact répond STOP à ${0}, il est désabonné de tous les canaux de l’organisation (${1}) : ${2}. Répondre START le réabonne aux mêmes canaux.`,
's837fcb0b70616656': `Correspondance`,
's86b6f2115bf280e7': str`Réabonne le contact à ${0} canal.`,
's87c7acbab76e8a22': str`${0} / ${1} caractères`,
's890e983a7be64da4': `Résultat`,
's8d055f8f1439839a': `Désabonnement de tout`,
's8d4585a5a0f4d04d': str`En file de révision : un agent décide dans les 10 jours ouvrables. L’appliquer désabonnerait ${0} canal.`,
's9528c88130a4892e': `Abonnement`,
's97f2dc19fa556a6a': `SMS`,
'sa2af57769a5773b5': str`Désabonne le contact de ${0} canal.`,
'sa970ae5dcd68a460': `Message ordinaire`,
'sa99bd41cbe8a2890': `Canaux qui seraient réabonnés`,
'sb3aec304d6351d5d': `Envoie la réponse d’aide. Aucun canal ne change.`,
'sb77d2b500ef2fe51': `Mettre en file de révision`,
'sc4969d1371171244': `Tous les canaux de l’organisation`,
'sc65fb78841bb67d0': str`Désabonne le contact de ${0} canaux.`,
'scd0833db9a2ae2c3': `Portée du désabonnement`,
'sd1f44f1a8bc20e67': `Courriel`,
'sd3da6b737287950d': `Canaux qui seraient désabonnés si un agent l’applique`,
'sd66a901eeeae91fd': `Une réponse STOP à un canal SMS désabonne le contact de tous les canaux SMS, à tous les emplacements.`,
'sda17fba60ac6cf8d': `Demande en langage courant`,
'sda221a7f3c04640a': str`Réabonne le contact à ${0} canaux.`,
'se29723acfd0b552d': `Cette organisation n’a encore aucun canal : il n’y a rien à simuler.`,
'se3c334cdad1f2ec4': str`Si un contact répond STOP à ${0}, il est désabonné de ${1} seulement. Répondre START l’y réabonne.`,
'se6cf2af3c536780d': `Appliquer immédiatement`,
'seb53db94b7b7712a': `Une réponse STOP désabonne le contact de ce seul canal, à ce seul emplacement.`,
'sefcf950b3cc4fc3b': `Langue`,
'sfd939419c4cd13bf': `Exemples de réponses`,
    };
  