<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>main</name>
    <message>
        <source>Switchboard cannot start</source>
        <translation>Switchboard ne peut pas démarrer</translation>
    </message>
</context>
<context>
    <name>sb::ActivityLog</name>
    <message>
        <source>Company top-up</source>
        <translation>Rechargement du solde de l’entreprise</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Membre ajouté</translation>
    </message>
    <message>
        <source>Members imported</source>
        <translation>Membres importés</translation>
    </message>
    <message>
        <source>Credit allocated</source>
        <translation>Crédit attribué</translation>
    </message>
    <message>
        <source>Member charged</source>
        <translation>Membre débité</translation>
    </message>
    <message>
        <source>Auto-recharge enabled</source>
        <translation>Recharge automatique activée</translation>
    </message>
    <message>
        <source>Auto-recharge turned off</source>
        <translation>Recharge automatique désactivée</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Recharge automatique</translation>
    </message>
    <message>
        <source>Auto-recharge not paid</source>
        <translation>Recharge automatique non payée</translation>
    </message>
    <message>
        <source>Auto-recharge suspended</source>
        <translation>Recharge automatique suspendue</translation>
    </message>
    <message>
        <source>Auto-recharge resumed</source>
        <translation>Recharge automatique reprise</translation>
    </message>
    <message>
        <source>Demo data generated</source>
        <translation>Données de démonstration créées</translation>
    </message>
    <message>
        <source>Top-up of %1, reference %2</source>
        <translation>Rechargement de %1, référence %2</translation>
    </message>
    <message>
        <source>Top-up of %1</source>
        <translation>Rechargement de %1</translation>
    </message>
    <message>
        <source>Added member %1 (%2)</source>
        <translation>Membre %1 (%2) ajouté</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>%n membre importé</numerusform>
            <numerusform>%n membres importés</numerusform>
        </translation>
    </message>
    <message>
        <source>Allocated %1 to %2; new balance %3</source>
        <translation>%1 attribué à %2&#xa0;; nouveau solde %3</translation>
    </message>
    <message>
        <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
        <translation>Recharge automatique de %1&#xa0;: %2 lorsque son solde est inférieur à %3, au plus %4 par mois</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1</source>
        <translation>Recharge automatique désactivée pour %1</translation>
    </message>
    <message>
        <source>Recharged %1 with %2; new balance %3</source>
        <translation>%1 rechargé de %2&#xa0;; nouveau solde %3</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Le solde de l’entreprise (%1) ne peut pas payer la recharge automatique de %2 pour %3.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>La limite de recharge mensuelle de %1 pour %2 est atteinte&#xa0;; la recharge automatique est suspendue jusqu’au %3.</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 resumed for the new month</source>
        <translation>Recharge automatique de %1 reprise pour le nouveau mois</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n demo member(s)</source>
        <translation>
            <numerusform>%n membre de démonstration créé</numerusform>
            <numerusform>%n membres de démonstration créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %1 for %2 (%n month(s), %3); renews on %4</source>
        <translation>
            <numerusform>%1 acheté pour %2 (%n mois, %3)&#xa0;; renouvellement le %4</numerusform>
            <numerusform>%1 acheté pour %2 (%n mois, %3)&#xa0;; renouvellement le %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3</source>
        <translation>%1 réattribué de %2 à %3</translation>
    </message>
    <message>
        <source>Assigned %1 from the company&apos;s pool to %2</source>
        <translation>%1 attribué à %2 depuis la réserve de l’entreprise</translation>
    </message>
    <message>
        <source>Cancelled %1; usable until %2, then released, no refund</source>
        <translation>%1 résilié&#xa0;; utilisable jusqu’au %2, puis libéré, sans remboursement</translation>
    </message>
    <message>
        <source>%1 was cancelled; its period ended on %2 and it returned to the pool</source>
        <translation>%1 avait été résilié&#xa0;; sa période a pris fin le %2 et il est retourné dans la réserve</translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation>%1 n’a pas pu être renouvelé&#xa0;: le solde de l’entreprise (%2) ne peut pas payer %3. Il a expiré et est retourné dans la réserve.</translation>
    </message>
    <message>
        <source>Renewed %1 for %2; next renewal on %3</source>
        <translation>%1 renouvelé pour %2&#xa0;; prochain renouvellement le %3</translation>
    </message>
    <message>
        <source>IP authentication from %1:%2</source>
        <translation>authentification par IP depuis %1:%2</translation>
    </message>
    <message>
        <source>registration as %1</source>
        <translation>enregistrement en tant que %1</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 (%2) with %n channel(s), paid %3</source>
        <translation>
            <numerusform>Profil SIP %1 créé (%2) avec %n canal, %3 payé</numerusform>
            <numerusform>Profil SIP %1 créé (%2) avec %n canaux, %3 payé</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed SIP profile %1 to %2</source>
        <translation>Profil SIP %1 renommé en %2</translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
        <translation>%1&#xa0;: canaux modifiés de %2 à %3&#xa0;; %4 payé jusqu’au %5</translation>
    </message>
    <message>
        <source>Allocated %1 to SIP profile %2; new balance %3</source>
        <translation>%1 attribué au profil SIP %2&#xa0;; nouveau solde %3</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
        <translation>%1 lié au profil SIP %2 sur le poste %3&#xa0;; connexion désactivée</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2; sign-in disabled</source>
        <translation>%1 lié au profil SIP %2&#xa0;; connexion désactivée</translation>
    </message>
    <message>
        <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
        <translation>%1 dissocié du profil SIP %2&#xa0;; connexion rétablie</translation>
    </message>
    <message>
        <source>Deleted SIP profile %1. Returned to the company: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5</source>
        <translation>Profil SIP %1 supprimé. Rendu à l’entreprise&#xa0;: %2&#xa0;; numéros remis dans la réserve&#xa0;: %3&#xa0;; comptes dissociés&#xa0;: %4&#xa0;; relevés d’appels supprimés&#xa0;: %5</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>Les canaux de %1 n’ont pas pu être renouvelés&#xa0;: le solde de l’entreprise (%2) ne peut pas payer %3. Les appels sortants par ce profil sont interrompus jusqu’au paiement des canaux.</translation>
    </message>
    <message>
        <source>Bought a number</source>
        <translation>Numéro acheté</translation>
    </message>
    <message>
        <source>Number assigned</source>
        <translation>Numéro attribué</translation>
    </message>
    <message>
        <source>Number cancelled</source>
        <translation>Numéro résilié</translation>
    </message>
    <message>
        <source>Number released</source>
        <translation>Numéro libéré</translation>
    </message>
    <message>
        <source>Number expired</source>
        <translation>Numéro expiré</translation>
    </message>
    <message>
        <source>Number renewed</source>
        <translation>Numéro renouvelé</translation>
    </message>
    <message>
        <source>SIP profile created</source>
        <translation>Profil SIP créé</translation>
    </message>
    <message>
        <source>SIP profile renamed</source>
        <translation>Profil SIP renommé</translation>
    </message>
    <message>
        <source>Channels changed</source>
        <translation>Canaux modifiés</translation>
    </message>
    <message>
        <source>Credit allocated to a SIP profile</source>
        <translation>Crédit attribué à un profil SIP</translation>
    </message>
    <message>
        <source>Account linked</source>
        <translation>Compte lié</translation>
    </message>
    <message>
        <source>Account unlinked</source>
        <translation>Compte dissocié</translation>
    </message>
    <message>
        <source>SIP profile deleted</source>
        <translation>Profil SIP supprimé</translation>
    </message>
    <message>
        <source>Channels not renewed</source>
        <translation>Canaux non renouvelés</translation>
    </message>
    <message>
        <source>Call records imported</source>
        <translation>Relevés d’appels importés</translation>
    </message>
    <message>
        <source>Imported the price list %1 in place of the one in force: number prices for %2 countries, %3 per-minute rates</source>
        <translation>Liste de prix %1 importée en remplacement de celle en vigueur&#xa0;: prix des numéros pour %2 pays, %3 tarifs à la minute</translation>
    </message>
    <message numerus="yes">
        <source>Added %n US minute bundle(s) to %1; paid %2 until %3</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis ajouté à %1&#xa0;; %2 payé jusqu’au %3</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis ajoutés à %1&#xa0;; %2 payé jusqu’au %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed the US minute bundles of %1 from %2 to %3; refunded %4 for unused minutes, paid %5 until %6</source>
        <translation>%1&#xa0;: forfaits de minutes vers les États-Unis modifiés de %2 à %3&#xa0;; %4 remboursé pour les minutes non utilisées, %5 payé jusqu’au %6</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n US minute bundle(s) of %1; usable until %2</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis de %1 résilié&#xa0;; utilisable jusqu’au %2</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis de %1 résiliés&#xa0;; utilisables jusqu’au %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extended %n US minute bundle(s) of %1 by a month; paid %2, next payment %3</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis de %1 prolongé d’un mois&#xa0;; %2 payé, prochain paiement le %3</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis de %1 prolongés d’un mois&#xa0;; %2 payé, prochain paiement le %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewed %n US minute bundle(s) of %1; paid %2 until %3</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis de %1 renouvelé&#xa0;; %2 payé jusqu’au %3</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis de %1 renouvelés&#xa0;; %2 payé jusqu’au %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3)</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis de %1 a expiré&#xa0;: le solde du profil (%2) ne peut pas payer le renouvellement (%3)</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis de %1 ont expiré&#xa0;: le solde du profil (%2) ne peut pas payer le renouvellement (%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Price list imported</source>
        <translation>Liste de prix importée</translation>
    </message>
    <message>
        <source>Bundles added</source>
        <translation>Forfaits ajoutés</translation>
    </message>
    <message>
        <source>Bundles changed</source>
        <translation>Forfaits modifiés</translation>
    </message>
    <message>
        <source>Bundles cancelled</source>
        <translation>Forfaits résiliés</translation>
    </message>
    <message>
        <source>Bundles extended</source>
        <translation>Forfaits prolongés</translation>
    </message>
    <message>
        <source>Bundles renewed</source>
        <translation>Forfaits renouvelés</translation>
    </message>
    <message>
        <source>Bundles lapsed</source>
        <translation>Forfaits expirés</translation>
    </message>
    <message>
        <source>Changed the country of %1 from %2 to %3</source>
        <translation>%1&#xa0;: pays modifié de %2 à %3</translation>
    </message>
    <message>
        <source>Changed the country of SIP profile %1 from %2 to %3</source>
        <translation>Profil SIP %1&#xa0;: pays modifié de %2 à %3</translation>
    </message>
    <message>
        <source>Member&apos;s country changed</source>
        <translation>Pays du membre modifié</translation>
    </message>
    <message>
        <source>SIP profile&apos;s country changed</source>
        <translation>Pays du profil SIP modifié</translation>
    </message>
    <message>
        <source>Mail server set to %1, port %2 (%3), sender %4, login as %5</source>
        <translation>Serveur de messagerie configuré&#xa0;: %1, port %2 (%3), expéditeur %4, authentification en tant que %5</translation>
    </message>
    <message>
        <source>Mail server set to %1, port %2 (%3), sender %4, without login</source>
        <translation>Serveur de messagerie configuré&#xa0;: %1, port %2 (%3), expéditeur %4, sans authentification</translation>
    </message>
    <message>
        <source>Mail server %1 removed</source>
        <translation>Serveur de messagerie %1 supprimé</translation>
    </message>
    <message>
        <source>Sent the credentials of SIP profile %1 to %2</source>
        <translation>Identifiants du profil SIP %1 envoyés à %2</translation>
    </message>
    <message>
        <source>Mail server set</source>
        <translation>Serveur de messagerie configuré</translation>
    </message>
    <message>
        <source>Mail server removed</source>
        <translation>Serveur de messagerie supprimé</translation>
    </message>
    <message>
        <source>Credentials sent</source>
        <translation>Identifiants envoyés</translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; credited %4 for the unused days, paid %5 until %6</source>
        <translation>%1&#xa0;: canaux modifiés de %2 à %3&#xa0;; %4 crédité pour les jours non utilisés, %5 payé jusqu’au %6</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n call record(s) from %1 and charged %2; duplicates skipped: %3; lines not imported: %4</source>
        <translation>
            <numerusform>%n relevé d’appels importé de %1 et %2 débité&#xa0;; doublons ignorés&#xa0;: %3&#xa0;; lignes non importées&#xa0;: %4</numerusform>
            <numerusform>%n relevés d’appels importés de %1 et %2 débité&#xa0;; doublons ignorés&#xa0;: %3&#xa0;; lignes non importées&#xa0;: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>sb::AdviceService</name>
    <message>
        <source>There is no SIP profile with id %1.</source>
        <translation>Il n’existe aucun profil SIP avec l’identifiant %1.</translation>
    </message>
</context>
<context>
    <name>sb::AttentionModel</name>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Bientôt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>What needs you</source>
        <translation>À faire</translation>
    </message>
</context>
<context>
    <name>sb::AttentionService</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… et %n autre.</numerusform>
            <numerusform>… et %n autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 owes %2.</source>
        <translation>%1 doit %2.</translation>
    </message>
    <message>
        <source>SIP profile %1 owes %2.</source>
        <translation>Le profil SIP %1 doit %2.</translation>
    </message>
    <message>
        <source>SIP profile %1 has no credit: its calls will be owed.</source>
        <translation>Le profil SIP %1 n’a plus de crédit&#xa0;: ses appels seront dus.</translation>
    </message>
    <message>
        <source>%1 has %2 left, less than a usual week of spending (%3).</source>
        <translation>Il reste %2 à %1, moins qu’une semaine habituelle de dépenses (%3).</translation>
    </message>
    <message>
        <source>SIP profile %1 has %2 left, less than a usual week of spending (%3).</source>
        <translation>Il reste %2 au profil SIP %1, moins qu’une semaine habituelle de dépenses (%3).</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 is suspended until %2: its monthly limit of %3 is reached.</source>
        <translation>La recharge automatique de %1 est suspendue jusqu’au %2&#xa0;: sa limite mensuelle de %3 est atteinte.</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n numéro</numerusform>
            <numerusform>%n numéros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) renew by %1 for %2</source>
        <translation>
            <numerusform>%n numéro se renouvelle d’ici le %1 pour %2</numerusform>
            <numerusform>%n numéros se renouvellent d’ici le %1 pour %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; the company balance covers them.</source>
        <translation>%1&#xa0;; le solde de l’entreprise suffit.</translation>
    </message>
    <message>
        <source>%1; the company balance (%2) does not cover the %3 due this week.</source>
        <translation>%1&#xa0;; le solde de l’entreprise (%2) ne couvre pas les %3 à payer cette semaine.</translation>
    </message>
    <message numerus="yes">
        <source>The %n channel(s) of %1 renew on %2 for %3</source>
        <translation>
            <numerusform>Le canal de %1 se renouvelle le %2 pour %3</numerusform>
            <numerusform>Les %n canaux de %1 se renouvellent le %2 pour %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 renew on %2 for %3</source>
        <translation>
            <numerusform>Le forfait de minutes vers les États-Unis de %1 se renouvelle le %2 pour %3</numerusform>
            <numerusform>Les %n forfaits de minutes vers les États-Unis de %1 se renouvellent le %2 pour %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; its balance covers them.</source>
        <translation>%1&#xa0;; son solde suffit.</translation>
    </message>
    <message>
        <source>%1; its balance (%2) does not cover them.</source>
        <translation>%1&#xa0;; son solde (%2) ne suffit pas.</translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed on %2: its balance could not pay the renewal.</source>
        <translation>
            <numerusform>Le forfait de minutes vers les États-Unis de %1 a expiré le %2&#xa0;: son solde n’a pas pu payer le renouvellement.</numerusform>
            <numerusform>Les %n forfaits de minutes vers les États-Unis de %1 ont expiré le %2&#xa0;: son solde n’a pas pu payer le renouvellement.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %n channel(s) for its busiest hour (%2 erlangs at 1% blocking); it has %3.</source>
        <translation>
            <numerusform>%1 a besoin de %n canal pour son heure la plus chargée (%2 erlangs à 1&#xa0;% de blocage)&#xa0;; il en a %3.</numerusform>
            <numerusform>%1 a besoin de %n canaux pour son heure la plus chargée (%2 erlangs à 1&#xa0;% de blocage)&#xa0;; il en a %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advice for %1: without its %n US minute bundle(s) it would have saved %2 a month.</source>
        <translation>
            <numerusform>Conseil pour %1&#xa0;: sans son %n forfait de minutes vers les États-Unis, il aurait économisé %2 par mois.</numerusform>
            <numerusform>Conseil pour %1&#xa0;: sans ses %n forfaits de minutes vers les États-Unis, il aurait économisé %2 par mois.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advice for %1: %n US minute bundle(s) instead of %2 would have saved %3 a month.</source>
        <translation>
            <numerusform>Conseil pour %1&#xa0;: %n forfait de minutes vers les États-Unis au lieu de %2 aurait économisé %3 par mois.</numerusform>
            <numerusform>Conseil pour %1&#xa0;: %n forfaits de minutes vers les États-Unis au lieu de %2 auraient économisé %3 par mois.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::BalanceDisplay</name>
    <message>
        <source>owes %1</source>
        <translation>doit %1</translation>
    </message>
</context>
<context>
    <name>sb::BalanceHistoryModel</name>
    <message>
        <source>Company balance</source>
        <translation>Solde de l’entreprise</translation>
    </message>
</context>
<context>
    <name>sb::BundleMinutesModel</name>
    <message>
        <source>Minutes used</source>
        <translation>Minutes utilisées</translation>
    </message>
    <message>
        <source>Minutes included</source>
        <translation>Minutes incluses</translation>
    </message>
    <message numerus="yes">
        <source>%n other profile(s)</source>
        <translation>
            <numerusform>%n autre profil</numerusform>
            <numerusform>%n autres profils</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::BundleService</name>
    <message>
        <source>Enter at least one US minute bundle (to end them, cancel them), not %1.</source>
        <translation>Indiquez au moins un forfait de minutes vers les États-Unis (pour y mettre fin, résiliez-les), pas %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n channel(s): it can have at most as many US minute bundles, not %2.</source>
        <translation>
            <numerusform>%1 a %n canal&#xa0;: il peut avoir au plus autant de forfaits de minutes vers les États-Unis, pas %2.</numerusform>
            <numerusform>%1 a %n canaux&#xa0;: il peut avoir au plus autant de forfaits de minutes vers les États-Unis, pas %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n US minute bundle(s), until %2: change them instead.</source>
        <translation>
            <numerusform>%1 a déjà %n forfait de minutes vers les États-Unis, jusqu’au %2&#xa0;: modifiez-le plutôt.</numerusform>
            <numerusform>%1 a déjà %n forfaits de minutes vers les États-Unis, jusqu’au %2&#xa0;: modifiez-les plutôt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). Nothing was bought.</source>
        <translation>
            <numerusform>Le solde de %1 (%2) ne peut pas payer %n forfait de minutes vers les États-Unis pour un mois (%3). Rien n’a été acheté.</numerusform>
            <numerusform>Le solde de %1 (%2) ne peut pas payer %n forfaits de minutes vers les États-Unis pour un mois (%3). Rien n’a été acheté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis pour %1</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis pour %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to change: add them instead.</source>
        <translation>%1 n’a aucun forfait de minutes vers les États-Unis à modifier&#xa0;: ajoutez-en plutôt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n US minute bundle(s).</source>
        <translation>
            <numerusform>%1 a déjà %n forfait de minutes vers les États-Unis.</numerusform>
            <numerusform>%1 a déjà %n forfaits de minutes vers les États-Unis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) with the refund of %3 cannot pay %n US minute bundle(s) for a month (%4). The bundles were not changed.</source>
        <translation>
            <numerusform>Le solde de %1 (%2), avec le remboursement de %3, ne peut pas payer %n forfait de minutes vers les États-Unis pour un mois (%4). Les forfaits n’ont pas été modifiés.</numerusform>
            <numerusform>Le solde de %1 (%2), avec le remboursement de %3, ne peut pas payer %n forfaits de minutes vers les États-Unis pour un mois (%4). Les forfaits n’ont pas été modifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unused US minute bundle minutes of %1: %2</source>
        <translation>Minutes non utilisées des forfaits de minutes vers les États-Unis de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to cancel.</source>
        <translation>%1 n’a aucun forfait de minutes vers les États-Unis à résilier.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are already cancelled; they stay usable until %2.</source>
        <translation>Les forfaits de minutes vers les États-Unis de %1 sont déjà résiliés&#xa0;; ils restent utilisables jusqu’au %2.</translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to extend.</source>
        <translation>%1 n’a aucun forfait de minutes vers les États-Unis à prolonger.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are paid until %2: they can be extended only within %3 days of that date, from %4.</source>
        <translation>Les forfaits de minutes vers les États-Unis de %1 sont payés jusqu’au %2&#xa0;: ils ne peuvent être prolongés que dans les %3 jours précédant cette date, à partir du %4.</translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). The bundles were not extended.</source>
        <translation>
            <numerusform>Le solde de %1 (%2) ne peut pas payer %n forfait de minutes vers les États-Unis pour un mois (%3). Les forfaits n’ont pas été prolongés.</numerusform>
            <numerusform>Le solde de %1 (%2) ne peut pas payer %n forfaits de minutes vers les États-Unis pour un mois (%3). Les forfaits n’ont pas été prolongés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extension of %n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>Prolongation de %n forfait de minutes vers les États-Unis pour %1</numerusform>
            <numerusform>Prolongation de %n forfaits de minutes vers les États-Unis pour %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3). Allocate credit to the profile and add them again.</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis de %1 a expiré&#xa0;: le solde du profil (%2) ne peut pas payer le renouvellement (%3). Attribuez du crédit au profil et ajoutez-le de nouveau.</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis de %1 ont expiré&#xa0;: le solde du profil (%2) ne peut pas payer le renouvellement (%3). Attribuez du crédit au profil et ajoutez-les de nouveau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>Renouvellement de %n forfait de minutes vers les États-Unis pour %1</numerusform>
            <numerusform>Renouvellement de %n forfaits de minutes vers les États-Unis pour %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::CallHistory</name>
    <message>
        <source>Cannot read the calls: %1</source>
        <translation>Impossible de lire les appels&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot write the calls: %1</source>
        <translation>Impossible d’écrire les appels&#xa0;: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>L’exportation a été annulée&#xa0;; aucun fichier n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>sb::CallImporter</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>L’importation a été annulée&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>No rate in the price list for %1; the call was not charged.</source>
        <translation>Aucun tarif dans la liste de prix pour %1&#xa0;; l’appel n’a pas été facturé.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number; the call was not charged.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un numéro de téléphone valide&#xa0;; l’appel n’a pas été facturé.</translation>
    </message>
</context>
<context>
    <name>sb::CallsModel</name>
    <message>
        <source>Charged</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>No rate for this destination</source>
        <translation>Aucun tarif pour cette destination</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>Numéro non valide</translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation>Profil SIP %1</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>Dialled %1</source>
        <translation>Numéro composé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Billable seconds, from answer to hang-up</source>
        <translation>Secondes facturables, du décroché au raccroché</translation>
    </message>
    <message>
        <source>Billed minutes: billable seconds rounded up to whole minutes</source>
        <translation>Minutes facturées&#xa0;: secondes facturables arrondies à la minute supérieure</translation>
    </message>
    <message>
        <source>Minutes taken from the SIP profile&apos;s US minute bundles</source>
        <translation>Minutes décomptées des forfaits de minutes vers les États-Unis du profil SIP</translation>
    </message>
    <message>
        <source>The call at its per-minute rate</source>
        <translation>Prix de l’appel au tarif à la minute</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Payé par</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Appelé</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Min. facturées</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Min. forfait</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>%1 (dialled %2)</source>
        <translation>%1 (composé&#xa0;: %2)</translation>
    </message>
</context>
<context>
    <name>sb::CdrReader</name>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Le fichier n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The record is longer than %1 bytes; perhaps a quote is not closed.</source>
        <translation>Le relevé dépasse %1 octets&#xa0;; un guillemet n’est peut-être pas fermé.</translation>
    </message>
    <message>
        <source>The record holds NUL bytes: binary data, not text.</source>
        <translation>Le relevé contient des octets NUL&#xa0;: ce sont des données binaires, pas du texte.</translation>
    </message>
    <message>
        <source>A quoted field is not closed before the end of the file.</source>
        <translation>Un champ entre guillemets n’est pas fermé avant la fin du fichier.</translation>
    </message>
    <message>
        <source>Column %1 has a quote out of place: a quote must enclose the whole field and be doubled inside it.</source>
        <translation>La colonne %1 contient un guillemet mal placé&#xa0;: un guillemet doit encadrer tout le champ et être doublé à l’intérieur de celui-ci.</translation>
    </message>
    <message>
        <source>The record has %1 columns: Asterisk writes 16 to 18, FreeSWITCH 15.</source>
        <translation>Le relevé a un nombre de colonnes incorrect (%1)&#xa0;: Asterisk en écrit de 16 à 18, FreeSWITCH 15.</translation>
    </message>
    <message>
        <source>The record has %1 columns: Asterisk writes 16 to 18.</source>
        <translation>Le relevé a un nombre de colonnes incorrect (%1)&#xa0;: Asterisk en écrit de 16 à 18.</translation>
    </message>
    <message>
        <source>The record has %1 columns: FreeSWITCH writes 15.</source>
        <translation>Le relevé a un nombre de colonnes incorrect (%1)&#xa0;: FreeSWITCH en écrit 15.</translation>
    </message>
    <message>
        <source>Column %1 (%2): %3 does not exist in the time zone %4, whose clocks were put forward then; are the records really in that zone?</source>
        <translation>Colonne %1 (%2)&#xa0;: %3 n’existe pas dans le fuseau horaire %4, dont les horloges ont alors été avancées&#xa0;; les relevés sont-ils vraiment dans ce fuseau&#xa0;?</translation>
    </message>
    <message>
        <source>Column %1 (%2) is not a time of the form YYYY-MM-DD HH:MM:SS: “%3”.</source>
        <translation>La colonne %1 (%2) n’est pas une heure de la forme YYYY-MM-DD HH:MM:SS&#xa0;: «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>Column %1 (%2) is negative: %3.</source>
        <translation>La colonne %1 (%2) est négative&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Column %1 (%2) is not a whole number of seconds: “%3”.</source>
        <translation>La colonne %1 (%2) n’est pas un nombre entier de secondes&#xa0;: «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>The billed seconds (%1) are more than the call&apos;s duration (%2).</source>
        <translation>Les secondes facturées (%1) dépassent la durée de l’appel (%2).</translation>
    </message>
    <message numerus="yes">
        <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): %n bad record(s) and no good one.</source>
        <translation>
            <numerusform>Le fichier ne contient aucun relevé d’appel lisible par Switchboard (cdr_csv d’Asterisk ou de FreeSWITCH)&#xa0;: %n relevé invalide et aucun valide.</numerusform>
            <numerusform>Le fichier ne contient aucun relevé d’appel lisible par Switchboard (cdr_csv d’Asterisk ou de FreeSWITCH)&#xa0;: %n relevés invalides et aucun valide.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not a text file of call detail records: line %1 holds binary data.</source>
        <translation>Le fichier n’est pas un fichier texte de relevés d’appels&#xa0;: la ligne %1 contient des données binaires.</translation>
    </message>
    <message numerus="yes">
        <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): its first %n record(s) are all bad.</source>
        <translation>
            <numerusform>Le fichier ne contient aucun relevé d’appel lisible par Switchboard (cdr_csv d’Asterisk ou de FreeSWITCH)&#xa0;: son premier relevé est invalide (%n relevé lu).</numerusform>
            <numerusform>Le fichier ne contient aucun relevé d’appel lisible par Switchboard (cdr_csv d’Asterisk ou de FreeSWITCH)&#xa0;: ses %n premiers relevés sont tous invalides.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column %1 (%2) is not valid UTF-8 text: “%3”.</source>
        <translation>La colonne %1 (%2) n’est pas un texte UTF-8 valide&#xa0;: «&#xa0;%3&#xa0;».</translation>
    </message>
</context>
<context>
    <name>sb::ChartData</name>
    <message>
        <source>There is no SIP profile with id %1.</source>
        <translation>Il n’existe aucun profil SIP avec l’identifiant %1.</translation>
    </message>
</context>
<context>
    <name>sb::CompanyService</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>%1 is more than one operation may move (at most %2).</source>
        <translation>%1 dépasse ce qu’une seule opération peut transférer (%2 au plus).</translation>
    </message>
    <message>
        <source>The reference is too long (at most 200 characters).</source>
        <translation>La référence est trop longue (200 caractères au plus).</translation>
    </message>
    <message>
        <source>The reference has a line break, tab or other control character: type it on one line.</source>
        <translation>La référence contient un saut de ligne, une tabulation ou un autre caractère de contrôle&#xa0;: saisissez-la sur une seule ligne.</translation>
    </message>
</context>
<context>
    <name>sb::CredentialsMail</name>
    <message>
        <source>Credentials of the SIP profile %1</source>
        <translation>Identifiants du profil SIP %1</translation>
    </message>
    <message>
        <source>Hello,

these are the credentials of the SIP profile %1 for your PBX.

SIP username: %2
SIP password: %3

The provider&apos;s SIP servers:
%4

The configuration for an Asterisk PBX (PJSIP), ready to paste into /etc/asterisk/pjsip.conf:

%5

Keep this message private: whoever has the password can make calls the company pays for.
</source>
        <translation>Bonjour,

Voici les identifiants du profil SIP %1 pour votre PBX.

Nom d’utilisateur SIP&#xa0;: %2
Mot de passe SIP&#xa0;: %3

Les serveurs SIP du fournisseur&#xa0;:
%4

La configuration pour un PBX Asterisk (PJSIP), prête à coller dans /etc/asterisk/pjsip.conf&#xa0;:

%5

Veuillez garder ce message confidentiel&#xa0;: toute personne qui dispose du mot de passe peut passer des appels aux frais de l’entreprise.
</translation>
    </message>
    <message>
        <source>Switchboard test message</source>
        <translation>Message de test de Switchboard</translation>
    </message>
    <message>
        <source>This is a test message from Switchboard: the mail server %1 (port %2) sends the credentials of SIP profiles.
</source>
        <translation>Ceci est un message de test de Switchboard&#xa0;: le serveur de messagerie %1 (port %2) envoie les identifiants des profils SIP.
</translation>
    </message>
</context>
<context>
    <name>sb::CreditService</name>
    <message>
        <source>Recharge amount: %1</source>
        <translation>Montant de la recharge&#xa0;: %1</translation>
    </message>
    <message>
        <source>The threshold cannot be negative.</source>
        <translation>Le seuil ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>The threshold %1 is too large.</source>
        <translation>Le seuil %1 est trop élevé.</translation>
    </message>
    <message>
        <source>Monthly limit: %1</source>
        <translation>Limite mensuelle&#xa0;: %1</translation>
    </message>
    <message>
        <source>The monthly limit (%1) must be at least the recharge amount (%2).</source>
        <translation>La limite mensuelle (%1) doit être au moins égale au montant de la recharge (%2).</translation>
    </message>
    <message>
        <source>Choose at least one member.</source>
        <translation>Choisissez au moins un membre.</translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; is listed more than once.</source>
        <translation>Le membre «&#xa0;%1&#xa0;» figure plusieurs fois dans la liste.</translation>
    </message>
    <message numerus="yes">
        <source>%1 for each of %n members is more than one operation may move.</source>
        <translation>
            <numerusform>%1 pour %n membre dépasse ce qu’une seule opération peut transférer.</numerusform>
            <numerusform>%1 pour chacun des %n membres dépasse ce qu’une seule opération peut transférer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Nobody was given credit.</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1) ne couvre pas %2 pour %n membre (%3 au total). Aucun crédit n’a été attribué.</numerusform>
            <numerusform>Le solde de l’entreprise (%1) ne couvre pas %2 pour chacun des %n membres (%3 au total). Aucun crédit n’a été attribué.</numerusform>
        </translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Le solde de l’entreprise (%1) ne peut pas payer la recharge automatique de %2 pour %3.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>La limite de recharge mensuelle de %1 pour %2 est atteinte&#xa0;; la recharge automatique est suspendue jusqu’au %3.</translation>
    </message>
    <message>
        <source>Recharged %1 with %2.</source>
        <translation>%1 rechargé de %2.</translation>
    </message>
    <message>
        <source>The balance of %1 (%2) is too low for a charge of %3.</source>
        <translation>Le solde de %1 (%2) est insuffisant pour un débit de %3.</translation>
    </message>
    <message>
        <source>Auto-recharge is not on for %1.</source>
        <translation>La recharge automatique n’est pas activée pour %1.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3, and %2 owes %4.</source>
        <translation>La limite de recharge mensuelle de %1 pour %2 est atteinte&#xa0;; la recharge automatique est suspendue jusqu’au %3, et %2 doit %4.</translation>
    </message>
</context>
<context>
    <name>sb::Database</name>
    <message>
        <source>No database was given.</source>
        <translation>Aucune base de données n’a été indiquée.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL address of the form postgresql://user[:password]@host[:port]/database.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse PostgreSQL de la forme postgresql://utilisateur[:motdepasse]@hôte[:port]/base.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>Le pilote PostgreSQL (QPSQL) n’est pas installé.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Impossible d’ouvrir la base de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Erreur de base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>the statement returned no row.</source>
        <translation>l’instruction n’a renvoyé aucune ligne.</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>Impossible de créer la base de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database Switchboard can open: give an SQLite file path or a postgresql://user[:password]@host[:port]/database address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une base de données que Switchboard peut ouvrir&#xa0;: indiquez le chemin d’un fichier SQLite ou une adresse postgresql://utilisateur[:motdepasse]@hôte[:port]/base.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: create it first, or choose another place for the database.</source>
        <translation>Le dossier %1 n’existe pas&#xa0;: créez-le d’abord, ou choisissez un autre emplacement pour la base de données.</translation>
    </message>
</context>
<context>
    <name>sb::DemoGenerator</name>
    <message>
        <source>Generating the demo was cancelled; nothing was written.</source>
        <translation>La création de la démonstration a été annulée&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The number of demo members must be between 0 and %1.</source>
        <translation>Le nombre de membres de démonstration doit être compris entre 0 et %1.</translation>
    </message>
    <message>
        <source>The number of demo SIP profiles must be between 0 and %1.</source>
        <translation>Le nombre de profils SIP de démonstration doit être compris entre 0 et %1.</translation>
    </message>
    <message>
        <source>The number of demo numbers must be between 0 and %1.</source>
        <translation>Le nombre de numéros de démonstration doit être compris entre 0 et %1.</translation>
    </message>
    <message>
        <source>The number of demo calls must be between 0 and %1.</source>
        <translation>Le nombre d’appels de démonstration doit être compris entre 0 et %1.</translation>
    </message>
    <message>
        <source>Demo numbers need members or SIP profiles to hold them.</source>
        <translation>Les numéros de démonstration ont besoin de membres ou de profils SIP comme titulaires.</translation>
    </message>
    <message>
        <source>This database already holds an account (members: %1, SIP profiles: %2, ledger entries: %3): demo data would be mixed into it. Use an empty database for the demo.</source>
        <translation>Cette base de données contient déjà un compte (membres&#xa0;: %1, profils SIP&#xa0;: %2, écritures comptables&#xa0;: %3)&#xa0;: les données de démonstration s’y mêleraient. Utilisez une base de données vide pour la démonstration.</translation>
    </message>
</context>
<context>
    <name>sb::Ledger</name>
    <message>
        <source>Account %1 does not exist.</source>
        <translation>Le compte %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation>Le solde est insuffisant pour %1.</translation>
    </message>
    <message>
        <source>The amounts add up to more than can be moved at once.</source>
        <translation>Le total des montants dépasse ce qui peut être transféré en une seule fois.</translation>
    </message>
    <message>
        <source>Account %1 cannot be charged: it is not a member&apos;s or a SIP profile&apos;s.</source>
        <translation>Le compte %1 ne peut pas être débité&#xa0;: ce n’est le compte ni d’un membre ni d’un profil SIP.</translation>
    </message>
</context>
<context>
    <name>sb::LedgerBatch</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>The amounts add up to more than can be moved at once.</source>
        <translation>Le total des montants dépasse ce qui peut être transféré en une seule fois.</translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation>Le solde est insuffisant pour %1.</translation>
    </message>
</context>
<context>
    <name>sb::LiveChanges</name>
    <message>
        <source>The database driver cannot deliver notifications.</source>
        <translation>Le pilote de base de données ne peut pas transmettre de notifications.</translation>
    </message>
</context>
<context>
    <name>sb::MailSender</name>
    <message>
        <source>No mail server is set: enter one in Settings (or with switchboardctl settings mail).</source>
        <translation>Aucun serveur de messagerie n’est configuré&#xa0;: indiquez-en un dans les Paramètres (ou avec switchboardctl settings mail).</translation>
    </message>
    <message>
        <source>A message is already being sent; wait for it.</source>
        <translation>Un message est déjà en cours d’envoi&#xa0;; attendez la fin de l’envoi.</translation>
    </message>
    <message>
        <source>SIP profile %1 authenticates by its IP address: it has no username or password to send.</source>
        <translation>Le profil SIP %1 s’authentifie par son adresse IP&#xa0;: il n’a ni nom d’utilisateur ni mot de passe à envoyer.</translation>
    </message>
    <message>
        <source>SIP profile %1 has no e-mail address to send its credentials to.</source>
        <translation>Le profil SIP %1 n’a pas d’adresse e-mail à laquelle envoyer ses identifiants.</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>Le message n’a pas été envoyé.</translation>
    </message>
    <message>
        <source>The credentials were sent to %1, but the activity log could not record it: %2</source>
        <translation>Les identifiants ont été envoyés à %1, mais le journal d’activité n’a pas pu l’enregistrer&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sb::MailSettings</name>
    <message>
        <source>Enter the mail server&apos;s host name.</source>
        <translation>Indiquez le nom d’hôte du serveur de messagerie.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mail server&apos;s host name such as smtp.example.com.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom d’hôte de serveur de messagerie comme smtp.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address such as name@example.com.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail comme name@example.com.</translation>
    </message>
    <message>
        <source>The mail server&apos;s port must be from 1 to 65535, not %1.</source>
        <translation>Le port du serveur de messagerie doit être compris entre 1 et 65535, et non %1.</translation>
    </message>
    <message>
        <source>Enter the sender address of the messages.</source>
        <translation>Indiquez l’adresse d’expéditeur des messages.</translation>
    </message>
    <message>
        <source>Security &quot;none&quot; is only for a mail server on this machine (localhost); use STARTTLS or TLS for %1.</source>
        <translation>La sécurité «&#xa0;aucune&#xa0;» (none) est réservée à un serveur de messagerie sur cette machine (localhost)&#xa0;; utilisez STARTTLS ou TLS pour %1.</translation>
    </message>
    <message>
        <source>The mail server&apos;s user name cannot span lines.</source>
        <translation>Le nom d’utilisateur du serveur de messagerie ne doit pas contenir de saut de ligne.</translation>
    </message>
    <message>
        <source>The mail server&apos;s password cannot span lines.</source>
        <translation>Le mot de passe du serveur de messagerie ne doit pas contenir de saut de ligne.</translation>
    </message>
    <message>
        <source>Enter the password of %1 on the mail server.</source>
        <translation>Indiquez le mot de passe de %1 sur le serveur de messagerie.</translation>
    </message>
</context>
<context>
    <name>sb::MemberService</name>
    <message>
        <source>The account name is empty.</source>
        <translation>Le nom de compte est vide.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must be 6 to 32 characters long.</source>
        <translation>Le nom de compte «&#xa0;%1&#xa0;» doit comporter de 6 à 32 caractères.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must start with a letter.</source>
        <translation>Le nom de compte «&#xa0;%1&#xa0;» doit commencer par une lettre.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Le nom de compte «&#xa0;%1&#xa0;» ne peut contenir que des lettres, des chiffres, «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>The display name is empty.</source>
        <translation>Le nom affiché est vide.</translation>
    </message>
    <message>
        <source>The display name is too long (at most 100 characters).</source>
        <translation>Le nom affiché est trop long (100 caractères au plus).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>The department is too long (at most 100 characters).</source>
        <translation>Le nom du service est trop long (100 caractères au plus).</translation>
    </message>
    <message>
        <source>A member with the account name &quot;%1&quot; already exists.</source>
        <translation>Un membre avec le nom de compte «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Il n’existe aucun membre avec le nom de compte «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation>Un champ entre guillemets n’est jamais fermé.</translation>
    </message>
    <message>
        <source>The file is empty: it needs the header line account,name,email,department.</source>
        <translation>Le fichier est vide&#xa0;: il lui faut la ligne d’en-tête account,name,email,department.</translation>
    </message>
    <message>
        <source>The first line must name the columns: account,name,email,department.</source>
        <translation>La première ligne doit nommer les colonnes&#xa0;: account,name,email,department.</translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2.</source>
        <translation>Champs attendus&#xa0;: %1, trouvés&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; appears more than once in the file.</source>
        <translation>Le nom de compte «&#xa0;%1&#xa0;» apparaît plusieurs fois dans le fichier.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>L’importation a été annulée&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>L’exportation a été annulée&#xa0;; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>The country is empty: give its two-letter code, e.g. US.</source>
        <translation>Aucun pays indiqué&#xa0;: donnez son code à deux lettres, p. ex. US.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code known for phone numbers (two letters, e.g. US or NO).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un code de pays connu pour les numéros de téléphone (deux lettres, p. ex. US ou NO).</translation>
    </message>
    <message>
        <source>The country of %1 is already %2.</source>
        <translation>Le pays de %1 est déjà %2.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is not a regular file: only a CSV file can be imported.</source>
        <translation>%1 n’est pas un fichier ordinaire&#xa0;: seul un fichier CSV peut être importé.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, more than any member list; split it.</source>
        <translation>%1 dépasse %2 Mo, plus que n’importe quelle liste de membres&#xa0;; découpez-le.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is longer than %3 characters: this is not a member list.</source>
        <translation>La ligne %1 de %2 dépasse %3 caractères&#xa0;: ce n’est pas une liste de membres.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not UTF-8 text (perhaps Latin-1 or Windows-1252): save the file as UTF-8 and import it again.</source>
        <translation>La ligne %1 de %2 n’est pas du texte UTF-8 (peut-être Latin-1 ou Windows-1252)&#xa0;: enregistrez le fichier en UTF-8 et importez-le à nouveau.</translation>
    </message>
    <message>
        <source>accounts were not created.</source>
        <translation>les comptes n’ont pas été créés.</translation>
    </message>
    <message>
        <source>a member was not created.</source>
        <translation>un membre n’a pas été créé.</translation>
    </message>
    <message>
        <source>The display name may not contain control characters.</source>
        <translation>Le nom affiché ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>The department may not contain control characters.</source>
        <translation>Le service ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>The first line names the column &quot;%1&quot; twice (columns %2 and %3); name each column once.</source>
        <translation>La première ligne nomme deux fois la colonne «&#xa0;%1&#xa0;» (colonnes %2 et %3)&#xa0;; ne nommez chaque colonne qu’une seule fois.</translation>
    </message>
</context>
<context>
    <name>sb::MembersModel</name>
    <message>
        <source>Linked</source>
        <translation>Lié</translation>
    </message>
    <message>
        <source>Linked to %1</source>
        <translation>Lié à %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Suspended until %1</source>
        <translation>Suspendue jusqu’au %1</translation>
    </message>
    <message>
        <source>%1 below %2, limit %3</source>
        <translation>%1 sous %2, limite %3</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Balance (%1)</source>
        <translation>Solde (%1)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Recharge automatique</translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (format national&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
</context>
<context>
    <name>sb::Migrations</name>
    <message>
        <source>The database %1 was written by a newer version of Switchboard (schema %2; this version knows up to %3). It was left untouched: use a newer Switchboard to open it.</source>
        <translation>La base de données %1 a été écrite par une version plus récente de Switchboard (schéma %2&#xa0;; cette version connaît les schémas jusqu’au %3). Elle n’a pas été modifiée&#xa0;: ouvrez-la avec une version plus récente de Switchboard.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation>La mise à niveau de la base de données vers le schéma %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>a row of %1 refers to a missing row.</source>
        <translation>une ligne de %1 fait référence à une ligne manquante.</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database: %2 It was left untouched; choose a Switchboard database or a new file.</source>
        <translation>Le fichier %1 n’est pas une base de données Switchboard&#xa0;: %2 Il n’a pas été modifié&#xa0;; choisissez une base de données Switchboard ou un nouveau fichier.</translation>
    </message>
    <message>
        <source>it is not an SQLite database file.</source>
        <translation>ce n’est pas un fichier de base de données SQLite.</translation>
    </message>
    <message>
        <source>it belongs to another application (application id %1).</source>
        <translation>il appartient à une autre application (identifiant d’application %1).</translation>
    </message>
    <message numerus="yes">
        <source>it holds %n table(s) of another application.</source>
        <translation>
            <numerusform>il contient %n table d’une autre application.</numerusform>
            <numerusform>il contient %n tables d’une autre application.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database %1 has a damaged schema record (table schema_meta, no valid version): Switchboard cannot tell which version wrote it. It was left untouched; restore it from a backup.</source>
        <translation>La base de données %1 a un enregistrement de schéma endommagé (table schema_meta, aucune version valide)&#xa0;: Switchboard ne peut pas déterminer quelle version l’a écrite. Elle n’a pas été modifiée&#xa0;; restaurez-la à partir d’une sauvegarde.</translation>
    </message>
</context>
<context>
    <name>sb::MonthlyStatement</name>
    <message>
        <source>Name the file to write the statement to.</source>
        <translation>Indiquez le fichier dans lequel écrire le relevé de compte.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month; write it as YYYY-MM, such as 2026-11.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un mois&#xa0;; écrivez-le sous la forme AAAA-MM, par exemple 2026-11.</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>compte %1</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (supprimé)</translation>
    </message>
</context>
<context>
    <name>sb::NumberCatalogue</name>
    <message>
        <source>United States</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Royaume-Uni</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Allemagne</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Pays-Bas</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>Norvège</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Pologne</translation>
    </message>
</context>
<context>
    <name>sb::NumberService</name>
    <message>
        <source>Numbers are not sold in &quot;%1&quot;. Countries: %2.</source>
        <translation>Aucun numéro n’est vendu pour «&#xa0;%1&#xa0;». Pays&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The price list has no prices for numbers in %1.</source>
        <translation>La liste de prix ne contient aucun prix de numéros pour %1.</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Il n’existe aucun membre avec le nom de compte «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Il n’existe aucun profil SIP nommé «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Choose a member or a SIP profile to hold the number.</source>
        <translation>Choisissez un membre ou un profil SIP comme titulaire du numéro.</translation>
    </message>
    <message>
        <source>%1 has no area code &quot;%2&quot; on offer. Area codes: %3.</source>
        <translation>L’indicatif régional «&#xa0;%2&#xa0;» n’est pas proposé pour ce pays (%1). Indicatifs&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Numbers are billed for 1, 3 or 12 months, not %1.</source>
        <translation>Les numéros sont facturés pour 1, 3 ou 12 mois, pas pour %1.</translation>
    </message>
    <message>
        <source>The price list has no %1-month price for numbers in %2.</source>
        <translation>La liste de prix ne contient pas de prix sur %1 mois pour les numéros de %2.</translation>
    </message>
    <message>
        <source>Choose at least one member or SIP profile to receive a number.</source>
        <translation>Choisissez au moins un membre ou un profil SIP qui recevra un numéro.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is chosen twice; each gets one number.</source>
        <translation>«&#xa0;%1&#xa0;» est choisi deux fois&#xa0;; chacun ne reçoit qu’un numéro.</translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept the terms (for example a local address). Accept the terms to buy.</source>
        <translation>Pour les numéros de ce pays (%1), le titulaire doit accepter les conditions (par exemple une adresse locale). Acceptez les conditions pour acheter.</translation>
    </message>
    <message>
        <source>That is too many numbers at once.</source>
        <translation>Trop de numéros à la fois.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n number(s) at %2 (%3 in all). Nothing was bought.</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %n numéro à %2 (%3 au total). Rien n’a été acheté.</numerusform>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %n numéros à %2 (%3 au total). Rien n’a été acheté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n month(s)</source>
        <translation>
            <numerusform>%1 pour %n mois</numerusform>
            <numerusform>%1 pour %n mois</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in international form, such as +12125550100.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un numéro de téléphone au format international, comme +12125550100.</translation>
    </message>
    <message>
        <source>The number %1 is not one of the company&apos;s numbers.</source>
        <translation>Le numéro %1 n’appartient pas à l’entreprise.</translation>
    </message>
    <message>
        <source>%1 already holds %2.</source>
        <translation>%1 détient déjà %2.</translation>
    </message>
    <message>
        <source>%1 is already cancelled; it stays usable until %2.</source>
        <translation>%1 est déjà résilié&#xa0;; il reste utilisable jusqu’au %2.</translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation>%1 n’a pas pu être renouvelé&#xa0;: le solde de l’entreprise (%2) ne peut pas payer %3. Il a expiré et est retourné dans la réserve.</translation>
    </message>
    <message>
        <source>Renewal of %1</source>
        <translation>Renouvellement de %1</translation>
    </message>
    <message>
        <source>Not enough numbers are left in area %1 (%2): %3 left, %4 needed. Nothing was bought.</source>
        <translation>Pas assez de numéros disponibles pour l’indicatif %1 (%2)&#xa0;: il en reste %3, il en faut %4. Rien n’a été acheté.</translation>
    </message>
</context>
<context>
    <name>sb::NumbersModel</name>
    <message>
        <source>Released</source>
        <translation>Libéré</translation>
    </message>
    <message>
        <source>Cancelled: usable until %1</source>
        <translation>Résilié&#xa0;: utilisable jusqu’au %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>%1 → SIP profile %2 (linked)</source>
        <translation>%1 → profil SIP %2 (lié)</translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation>Profil SIP %1</translation>
    </message>
    <message>
        <source>Company pool (unassigned)</source>
        <translation>Réserve de l’entreprise (non attribué)</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (format national&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Indicatif</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <source>Billed every</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Paid until</source>
        <translation>Payé jusqu’au</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>sb::OutputFile</name>
    <message>
        <source>%1 is not a regular file (a folder, a device or a pipe); choose a file to write.</source>
        <translation>%1 n’est pas un fichier ordinaire (c’est un dossier, un périphérique ou un tube)&#xa0;; choisissez un fichier dans lequel écrire.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the file could not be written whole</source>
        <translation>le fichier n’a pas pu être écrit en entier</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Nothing was written.</source>
        <translation>Impossible d’écrire %1&#xa0;: %2. Rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>sb::PeakCallsModel</name>
    <message>
        <source>Most calls at once</source>
        <translation>Appels simultanés (max.)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
</context>
<context>
    <name>sb::PriceList</name>
    <message>
        <source>The price list is not valid JSON: %1</source>
        <translation>La liste de prix n’est pas un JSON valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The price list has no valid %1-month price for %2.</source>
        <translation>La liste de prix n’a pas de prix valide sur %1 mois pour %2.</translation>
    </message>
    <message>
        <source>The price list needs positive bundle and channel prices.</source>
        <translation>La liste de prix doit contenir des prix positifs pour les forfaits et les canaux.</translation>
    </message>
    <message>
        <source>The price list has a malformed rate for prefix &quot;%1&quot;.</source>
        <translation>La liste de prix contient un tarif mal formé pour le préfixe «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The price list is too large (%1 bytes; at most %2).</source>
        <translation>La liste de prix est trop volumineuse (%1 octets&#xa0;; %2 au plus).</translation>
    </message>
    <message>
        <source>The price list is not UTF-8 text: the first bad byte is at line %1, column %2 (byte %3).</source>
        <translation>La liste de prix n’est pas un texte UTF-8 valide&#xa0;: erreur à la ligne %1, colonne %2 (octet %3).</translation>
    </message>
    <message>
        <source>The price list is not valid JSON: %1 at line %2, column %3.</source>
        <translation>La liste de prix n’est pas un JSON valide&#xa0;: %1 à la ligne %2, colonne %3.</translation>
    </message>
    <message>
        <source>The price list must be a JSON object with &quot;numbers&quot;, &quot;bundle&quot;, &quot;channel&quot; and &quot;rates&quot;.</source>
        <translation>La liste de prix doit être un objet JSON avec «&#xa0;numbers&#xa0;», «&#xa0;bundle&#xa0;», «&#xa0;channel&#xa0;» et «&#xa0;rates&#xa0;».</translation>
    </message>
    <message>
        <source>The price list has an unknown field &quot;%1&quot;.</source>
        <translation>La liste de prix contient un champ inconnu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The price list&apos;s currency must be %1 (the account&apos;s).</source>
        <translation>La devise de la liste de prix doit être %1 (celle du compte).</translation>
    </message>
    <message>
        <source>The price list has no %1.</source>
        <translation>La liste de prix n’indique pas le %1.</translation>
    </message>
    <message>
        <source>The price list&apos;s %1 must be an amount written as a string, like &quot;6.00&quot;.</source>
        <translation>Dans la liste de prix, le %1 doit être un montant écrit sous forme de chaîne, comme &quot;6.00&quot;.</translation>
    </message>
    <message>
        <source>The price list&apos;s %1 (%2) must be above 0 and at most %3.</source>
        <translation>Dans la liste de prix, le %1 (%2) doit être supérieur à 0 et ne pas dépasser %3.</translation>
    </message>
    <message>
        <source>The price list has no &quot;numbers&quot; object of number prices.</source>
        <translation>La liste de prix ne contient pas d’objet «&#xa0;numbers&#xa0;» avec les prix des numéros.</translation>
    </message>
    <message>
        <source>The price list has number prices for &quot;%1&quot;, which is not a country numbers are sold in (%2).</source>
        <translation>La liste de prix contient des prix de numéros pour «&#xa0;%1&#xa0;», qui n’est pas un pays où des numéros sont vendus (%2).</translation>
    </message>
    <message>
        <source>The price list has no number prices for %1 (&quot;numbers&quot;: {&quot;%1&quot;: {&quot;1&quot;: …, &quot;3&quot;: …, &quot;12&quot;: …}}).</source>
        <translation>La liste de prix ne contient aucun prix de numéros pour %1 (&quot;numbers&quot;: {&quot;%1&quot;: {&quot;1&quot;: …, &quot;3&quot;: …, &quot;12&quot;: …}}).</translation>
    </message>
    <message>
        <source>The price list has a number price for &quot;%1&quot; months in %2; numbers are sold for %3 months.</source>
        <translation>La liste de prix contient un prix de numéro sur «&#xa0;%1&#xa0;» mois pour %2&#xa0;; les numéros sont vendus pour %3 mois.</translation>
    </message>
    <message>
        <source>%1-month number price for %2</source>
        <translation>prix d’un numéro sur %1 mois pour %2</translation>
    </message>
    <message>
        <source>bundle price</source>
        <translation>prix du forfait</translation>
    </message>
    <message>
        <source>channel price</source>
        <translation>prix du canal</translation>
    </message>
    <message>
        <source>The price list has no &quot;rates&quot; list of per-minute rates.</source>
        <translation>La liste de prix ne contient pas de liste «&#xa0;rates&#xa0;» de tarifs à la minute.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list is not an object with &quot;prefix&quot;, &quot;rate&quot; and &quot;name&quot;.</source>
        <translation>Le tarif %1 de la liste de prix n’est pas un objet avec «&#xa0;prefix&#xa0;», «&#xa0;rate&#xa0;» et «&#xa0;name&#xa0;».</translation>
    </message>
    <message>
        <source>Rate %1 of the price list has an unknown field &quot;%2&quot;.</source>
        <translation>Le tarif %1 de la liste de prix contient un champ inconnu&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Rate %1 of the price list needs a &quot;prefix&quot; of 1 to 15 digits (the country code first, like &quot;447&quot;).</source>
        <translation>Le tarif %1 de la liste de prix doit avoir un «&#xa0;prefix&#xa0;» de 1 à 15 chiffres (l’indicatif du pays en premier, comme &quot;447&quot;).</translation>
    </message>
    <message>
        <source>The prefix %1 is in the price list twice (rates %2 and %3).</source>
        <translation>Le préfixe %1 figure deux fois dans la liste de prix (tarifs %2 et %3).</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) is negative: %3.</source>
        <translation>Le tarif du préfixe %1 (tarif %2 de la liste de prix) est négatif&#xa0;: %3.</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) must be a string like &quot;0.0230&quot;, with at most four decimals.</source>
        <translation>Le tarif du préfixe %1 (tarif %2 de la liste de prix) doit être une chaîne comme &quot;0.0230&quot;, avec quatre décimales au plus.</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) is %3 a minute; at most %4 is accepted.</source>
        <translation>Le tarif du préfixe %1 (tarif %2 de la liste de prix) est de %3 par minute&#xa0;; %4 au plus est accepté.</translation>
    </message>
    <message>
        <source>The name of prefix %1 (rate %2 of the price list) must be text of at most 200 characters.</source>
        <translation>Le nom du préfixe %1 (tarif %2 de la liste de prix) doit être un texte de 200 caractères au plus.</translation>
    </message>
</context>
<context>
    <name>sb::PriceListStore</name>
    <message>
        <source>The price list %1 is too large (%2 bytes; at most %3).</source>
        <translation>La liste de prix %1 est trop volumineuse (%2 octets&#xa0;; %3 au plus).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sb::ProbeResult</name>
    <message>
        <source>%1 answered %2 %3 in %4 ms</source>
        <translation>%1 a répondu %2 %3 en %4&#xa0;ms</translation>
    </message>
    <message>
        <source>%1 answered %2 %3</source>
        <translation>%1 a répondu %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: no answer after %2 s</source>
        <translation>%1&#xa0;: aucune réponse après %2&#xa0;s</translation>
    </message>
</context>
<context>
    <name>sb::ProbeService</name>
    <message>
        <source>The probe&apos;s time limit must be from %1 to %2 ms, not %3.</source>
        <translation>Le délai maximal de la vérification du trunk doit être compris entre %1 et %2&#xa0;ms, et non %3.</translation>
    </message>
</context>
<context>
    <name>sb::ProfileService</name>
    <message>
        <source>The SIP profile needs a name.</source>
        <translation>Le profil SIP doit avoir un nom.</translation>
    </message>
    <message>
        <source>The SIP profile name is too long (at most 64 characters).</source>
        <translation>Le nom du profil SIP est trop long (64 caractères au plus).</translation>
    </message>
    <message>
        <source>The SIP profile name may not contain control characters.</source>
        <translation>Le nom du profil SIP ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address such as 203.0.113.10.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse IPv4 comme 203.0.113.10.</translation>
    </message>
    <message>
        <source>The UDP port must be from 1 to 65535 (usually 5060), not %1.</source>
        <translation>Le port UDP doit être compris entre 1 et 65535 (en général 5060), pas %1.</translation>
    </message>
    <message>
        <source>A SIP profile has from %1 to %2 channels, not %3.</source>
        <translation>Un profil SIP a de %1 à %2 canaux, pas %3.</translation>
    </message>
    <message>
        <source>The extension &quot;%1&quot; may only contain digits (at most 20).</source>
        <translation>Le numéro de poste «&#xa0;%1&#xa0;» ne peut contenir que des chiffres (20 au plus).</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Il n’existe aucun profil SIP nommé «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>A SIP profile named &quot;%1&quot; already exists.</source>
        <translation>Un profil SIP nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). No SIP profile was created.</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %n canal pour le premier mois (%2). Aucun profil SIP n’a été créé.</numerusform>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %n canaux pour le premier mois (%2). Aucun profil SIP n’a été créé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for %1</source>
        <translation>
            <numerusform>%n canal pour %1</numerusform>
            <numerusform>%n canaux pour %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile is already named &quot;%1&quot;.</source>
        <translation>Le profil SIP s’appelle déjà «&#xa0;%1&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n channel(s).</source>
        <translation>
            <numerusform>%1 a déjà %n canal.</numerusform>
            <numerusform>%1 a déjà %n canaux.</numerusform>
        </translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
        <translation>Le solde de l’entreprise (%1) ne couvre pas %2 pour %3. Rien n’a été attribué.</translation>
    </message>
    <message>
        <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
        <translation>Le compte %1 est déjà lié au profil SIP %2&#xa0;; un compte ne peut être lié qu’à un seul profil SIP.</translation>
    </message>
    <message>
        <source>The account %1 is not linked to the SIP profile %2.</source>
        <translation>Le compte %1 n’est pas lié au profil SIP %2.</translation>
    </message>
    <message>
        <source>Credit of deleted SIP profile %1</source>
        <translation>Crédit du profil SIP supprimé %1</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>Les canaux de %1 n’ont pas pu être renouvelés&#xa0;: le solde de l’entreprise (%2) ne peut pas payer %3. Les appels sortants par ce profil sont interrompus jusqu’au paiement des canaux.</translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n channel(s) for %1</source>
        <translation>
            <numerusform>Renouvellement de %n canal pour %1</numerusform>
            <numerusform>Renouvellement de %n canaux pour %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a &quot;this network&quot; address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse «&#xa0;ce réseau&#xa0;» (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a private address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse privée (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a carrier-grade NAT (shared) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse NAT d’opérateur (partagée) (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a loopback address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse de bouclage (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a link-local address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse lien-local (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a reserved (IETF protocol) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse réservée (protocoles IETF) (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a documentation address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse de documentation (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a benchmarking address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse de test de performances (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a multicast address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse multicast (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message>
        <source>%1 is a reserved address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est une adresse réservée (%2)&#xa0;: le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n US minute bundle(s); it needs at least as many channels. Lower the bundles first. The channels were not changed.</source>
        <translation>
            <numerusform>%1 a %n forfait de minutes vers les États-Unis&#xa0;; il lui faut au moins autant de canaux. Réduisez d’abord le nombre de forfaits. Les canaux n’ont pas été modifiés.</numerusform>
            <numerusform>%1 a %n forfaits de minutes vers les États-Unis&#xa0;; il lui faut au moins autant de canaux. Réduisez d’abord le nombre de forfaits. Les canaux n’ont pas été modifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile %1 owes %2 for calls; allocate at least %2 to it before deleting it.</source>
        <translation>Le profil SIP %1 doit %2 pour des appels&#xa0;; attribuez-lui au moins %2 avant de le supprimer.</translation>
    </message>
    <message>
        <source>The country of SIP profile %1 is already %2.</source>
        <translation>Le pays du profil SIP %1 est déjà %2.</translation>
    </message>
    <message>
        <source>The extension %1 of the SIP profile %2 already belongs to the account %3; give each linked account its own extension.</source>
        <translation>Le poste %1 du profil SIP %2 appartient déjà au compte %3&#xa0;; donnez à chaque compte lié son propre poste.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) with the credit of %2 for unused days cannot pay %n channel(s) for a month (%3). The channels were not changed.</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1), avec le crédit de %2 pour les jours non utilisés, ne peut pas payer %n canal pendant un mois (%3). Les canaux n’ont pas été modifiés.</numerusform>
            <numerusform>Le solde de l’entreprise (%1), avec le crédit de %2 pour les jours non utilisés, ne peut pas payer %n canaux pendant un mois (%3). Les canaux n’ont pas été modifiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unused days of %n channel(s) for %1</source>
        <translation>
            <numerusform>Jours non utilisés de %n canal pour %1</numerusform>
            <numerusform>Jours non utilisés de %n canaux pour %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks the same as the existing SIP profile &quot;%2&quot;; choose a name that reads differently.</source>
        <translation>«&#xa0;%1&#xa0;» ressemble à s’y méprendre au profil SIP existant «&#xa0;%2&#xa0;»&#xa0;; choisissez un nom que l’on ne peut pas confondre avec lui.</translation>
    </message>
</context>
<context>
    <name>sb::ProfilesModel</name>
    <message>
        <source>IP %1:%2</source>
        <translation>IP %1:%2</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>%1 (unpaid)</source>
        <translation>%1 (impayé)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Monthly cost (%1)</source>
        <translation>Coût mensuel (%1)</translation>
    </message>
    <message>
        <source>Balance (%1)</source>
        <translation>Solde (%1)</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Comptes liés</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>OK %1 ms</source>
        <translation>OK %1&#xa0;ms</translation>
    </message>
    <message>
        <source>Not checked yet: Check the trunk in the profile&apos;s details.</source>
        <translation>Pas encore vérifié&#xa0;: utilisez «&#xa0;Vérifier le trunk&#xa0;» dans les détails du profil.</translation>
    </message>
    <message>
        <source>%1 of %2 servers answered OK; checked %3</source>
        <translation>Serveurs ayant répondu OK&#xa0;: %1 sur %2&#xa0;; vérification du %3</translation>
    </message>
    <message>
        <source>The latest check of the trunk: SIP OPTIONS to the PBX (IP authentication) and to the provider&apos;s servers</source>
        <translation>La dernière vérification du trunk&#xa0;: requêtes SIP OPTIONS envoyées au PBX (authentification par IP) et aux serveurs du fournisseur</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>%1 (bundles lapsed)</source>
        <translation>%1 (forfaits expirés)</translation>
    </message>
    <message>
        <source>%1 (bundles cancelled)</source>
        <translation>%1 (forfaits résiliés)</translation>
    </message>
</context>
<context>
    <name>sb::ProtectedFiles</name>
    <message>
        <source>%1 is the key file of the sealed passwords; choose another file.</source>
        <translation>%1 est le fichier de clé des mots de passe scellés&#xa0;; choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>%1 is the open database or one of its files; choose another file.</source>
        <translation>%1 est la base de données ouverte ou l’un de ses fichiers&#xa0;; choisissez un autre fichier.</translation>
    </message>
</context>
<context>
    <name>sb::ProviderSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as sip.example.net:5060.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse de serveur comme sip.example.net:5060.</translation>
    </message>
    <message>
        <source>The port of &quot;%1&quot; must be from 1 to 65535.</source>
        <translation>Le port de «&#xa0;%1&#xa0;» doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Name at least one SIP server.</source>
        <translation>Indiquez au moins un serveur SIP.</translation>
    </message>
</context>
<context>
    <name>sb::SealedSecret</name>
    <message>
        <source>The secret key file %1 is damaged.</source>
        <translation>Le fichier de clé secrète %1 est endommagé.</translation>
    </message>
    <message>
        <source>The secret key file %1 is missing: stored SIP passwords cannot be read.</source>
        <translation>Le fichier de clé secrète %1 est introuvable&#xa0;: les mots de passe SIP enregistrés ne peuvent pas être lus.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <source>Cannot write the secret key file %1: %2</source>
        <translation>Impossible d’écrire le fichier de clé secrète %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The stored secret has an unknown format.</source>
        <translation>Le secret enregistré a un format inconnu.</translation>
    </message>
    <message>
        <source>The stored secret is damaged.</source>
        <translation>Le secret enregistré est endommagé.</translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1): it was altered or sealed with another key.</source>
        <translation>Le secret enregistré ne correspond pas à la clé secrète (%1)&#xa0;: il a été modifié ou scellé avec une autre clé.</translation>
    </message>
    <message>
        <source>The cryptographic library (libsodium) could not start.</source>
        <translation>La bibliothèque cryptographique (libsodium) n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1) or does not belong here: it was altered, sealed with another key, or copied from elsewhere.</source>
        <translation>Le secret enregistré ne correspond pas à la clé secrète (%1) ou n’a pas sa place ici&#xa0;: il a été modifié, scellé avec une autre clé ou copié depuis un autre emplacement.</translation>
    </message>
    <message>
        <source>The secret key file %1 is missing, yet this database holds passwords sealed with it: a new key would leave them unreadable. Put the key file back (from a backup) before storing another password.</source>
        <translation>Le fichier de clé secrète %1 est introuvable, alors que cette base de données contient des mots de passe scellés avec lui&#xa0;: une nouvelle clé les rendrait illisibles. Remettez le fichier de clé en place (depuis une sauvegarde) avant d’enregistrer un autre mot de passe.</translation>
    </message>
</context>
<context>
    <name>sb::SecretVault</name>
    <message>
        <source>The keychain did not give the password of %1: %2</source>
        <translation>Le trousseau n’a pas fourni le mot de passe de %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sb::SipProbe</name>
    <message>
        <source>The name %1 was not resolved in time.</source>
        <translation>Le nom %1 n’a pas été résolu à temps.</translation>
    </message>
    <message>
        <source>The port %1 is not from 1 to 65535.</source>
        <translation>Le port %1 n’est pas compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved: %2</source>
        <translation>Le nom %1 ne peut pas être résolu&#xa0;: %2</translation>
    </message>
    <message>
        <source>The name %1 has no address.</source>
        <translation>Le nom %1 n’a aucune adresse.</translation>
    </message>
    <message>
        <source>No UDP port could be opened: %1</source>
        <translation>Aucun port UDP n’a pu être ouvert&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sb::SmtpClient</name>
    <message>
        <source>A message is already being sent; wait for it.</source>
        <translation>Un message est déjà en cours d’envoi&#xa0;; attendez la fin de l’envoi.</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>Le message n’a pas été envoyé.</translation>
    </message>
    <message>
        <source>The mail server %1 does not speak SMTP: it answered &quot;%2&quot;.</source>
        <translation>Le serveur de messagerie %1 ne parle pas SMTP&#xa0;: il a répondu «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>The mail server %1 does not take messages now: %2 %3</source>
        <translation>Le serveur de messagerie %1 n’accepte pas de messages pour le moment&#xa0;: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the greeting: %2 %3</source>
        <translation>Le serveur de messagerie %1 a refusé la salutation EHLO&#xa0;: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused STARTTLS: %2 %3</source>
        <translation>Le serveur de messagerie %1 a refusé STARTTLS&#xa0;: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the login of %2: %3 %4</source>
        <translation>Le serveur de messagerie %1 a refusé l’authentification de %2&#xa0;: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the sender %2: %3 %4</source>
        <translation>Le serveur de messagerie %1 a refusé l’expéditeur %2&#xa0;: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the recipient %2: %3 %4</source>
        <translation>Le serveur de messagerie %1 a refusé le destinataire %2&#xa0;: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the message: %2 %3</source>
        <translation>Le serveur de messagerie %1 a refusé le message&#xa0;: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS: choose TLS (usually port 465) or another server; the password is never sent unencrypted.</source>
        <translation>Le serveur de messagerie %1 ne propose pas STARTTLS&#xa0;: choisissez TLS (généralement le port 465) ou un autre serveur&#xa0;; le mot de passe n’est jamais envoyé en clair.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login, but a user is set: clear the user, or check the server and its security.</source>
        <translation>Le serveur de messagerie %1 ne propose aucune authentification, mais un utilisateur est indiqué&#xa0;: effacez l’utilisateur, ou vérifiez le serveur et sa sécurité.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login Switchboard knows (PLAIN or LOGIN), only: %2.</source>
        <translation>Le serveur de messagerie %1 ne propose aucune méthode d’authentification connue de Switchboard (PLAIN ou LOGIN), seulement&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The certificate of the mail server %1 cannot be trusted: %2</source>
        <translation>Le certificat du serveur de messagerie %1 n’est pas digne de confiance&#xa0;: %2</translation>
    </message>
    <message>
        <source>The mail server %1 refused the connection: nothing answers on that port.</source>
        <translation>Le serveur de messagerie %1 a refusé la connexion&#xa0;: rien ne répond sur ce port.</translation>
    </message>
    <message>
        <source>The mail server %1 was not found: check its name.</source>
        <translation>Le serveur de messagerie %1 est introuvable&#xa0;: vérifiez son nom.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 failed: %2</source>
        <translation>La connexion au serveur de messagerie %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection before the message was accepted.</source>
        <translation>Le serveur de messagerie %1 a fermé la connexion avant que le message ne soit accepté.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 failed.</source>
        <translation>La connexion au serveur de messagerie %1 a échoué.</translation>
    </message>
    <message>
        <source>The mail server %1 did not answer the connection within %2 s.</source>
        <translation>Le serveur de messagerie %1 n’a pas répondu à la connexion dans un délai de %2&#xa0;s.</translation>
    </message>
    <message>
        <source>The mail server %1 stopped answering: no reply within %2 s.</source>
        <translation>Le serveur de messagerie %1 ne répond plus&#xa0;: aucune réponse dans un délai de %2&#xa0;s.</translation>
    </message>
</context>
<context>
    <name>sb::SpendingChartModel</name>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Forfaits</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message numerus="yes">
        <source>%n other department(s)</source>
        <translation>
            <numerusform>%n autre service</numerusform>
            <numerusform>%n autres services</numerusform>
        </translation>
    </message>
    <message>
        <source>No department</source>
        <translation>Aucun service</translation>
    </message>
</context>
<context>
    <name>sb::Statement</name>
    <message>
        <source>%1 values for %2 parameters.</source>
        <translation>%1 valeurs pour %2 paramètres.</translation>
    </message>
</context>
<context>
    <name>sb::StatementCsv</name>
    <message>
        <source>Cannot write the statement: %1</source>
        <translation>Impossible d’écrire le relevé de compte&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sb::StatementDocument</name>
    <message>
        <source>Top-up</source>
        <translation>Rechargement</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Recharge automatique</translation>
    </message>
    <message>
        <source>Credit returned</source>
        <translation>Crédit restitué</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Forfaits</translation>
    </message>
    <message>
        <source>Bundle refunds</source>
        <translation>Remboursements de forfaits</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Monthly statement, %1</source>
        <extracomment>%1 is the month and its year, &quot;November 2026&quot;</extracomment>
        <translation>Relevé de compte mensuel, %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Dépensé</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Company balance: %1 at the start of the month, %2 at its end (UTC).</source>
        <translation>Solde de l’entreprise&#xa0;: %1 au début du mois, %2 à la fin (UTC).</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Soldes</translation>
    </message>
    <message>
        <source>Spending by department</source>
        <translation>Dépenses par service</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(aucun service)</translation>
    </message>
    <message>
        <source>Spending by SIP profile</source>
        <translation>Dépenses par profil SIP</translation>
    </message>
    <message>
        <source>Spending by member</source>
        <translation>Dépenses par membre</translation>
    </message>
    <message>
        <source>Top-ups and allocations</source>
        <translation>Rechargements et attributions</translation>
    </message>
    <message>
        <source>None this month.</source>
        <translation>Aucun ce mois-ci.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>To or from</source>
        <translation>Vers ou depuis</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Conseils</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for the busiest hour (%1 erlangs at 1% blocking); it has %2</source>
        <translation>
            <numerusform>%n canal pour l’heure la plus chargée (%1 erlangs à 1&#xa0;% de blocage)&#xa0;; il en a %2</numerusform>
            <numerusform>%n canaux pour l’heure la plus chargée (%1 erlangs à 1&#xa0;% de blocage)&#xa0;; il en a %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s), saving %1 a month; it has %2</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis, soit %1 d’économie par mois&#xa0;; il en a %2</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis, soit %1 d’économie par mois&#xa0;; il en a %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Every SIP profile has the channels and bundles its calls need.</source>
        <translation>Chaque profil SIP a les canaux et les forfaits dont ses appels ont besoin.</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>Profil SIP</translation>
    </message>
</context>
<context>
    <name>sb::Transaction</name>
    <message>
        <source>No transaction is open.</source>
        <translation>Aucune transaction n’est ouverte.</translation>
    </message>
    <message>
        <source>A transaction is already open on this connection.</source>
        <translation>Une transaction est déjà ouverte sur cette connexion.</translation>
    </message>
</context>
<context>
    <name>sb::UserText</name>
    <message>
        <source>The search is %1 characters long; a search may have at most %2.</source>
        <translation>La recherche comporte %1 caractères&#xa0;; une recherche peut en comporter au plus %2.</translation>
    </message>
</context>
<context>
    <name>sb::ctl::CommandLine</name>
    <message>
        <source>SIP profile:   %1</source>
        <translation>Profil SIP&#xa0;:       %1</translation>
    </message>
    <message>
        <source>Department:    %1</source>
        <translation>Service&#xa0;:          %1</translation>
    </message>
    <message>
        <source>Balance:       %1</source>
        <translation>Solde&#xa0;:            %1</translation>
    </message>
    <message>
        <source>Authentication: IP %1, UDP port %2</source>
        <translation>Authentification&#xa0;: IP %1, port UDP %2</translation>
    </message>
    <message>
        <source>Authentication: registration as %1</source>
        <translation>Authentification&#xa0;: enregistrement en tant que %1</translation>
    </message>
    <message>
        <source> (renewal not paid: calls stopped)</source>
        <translation> (renouvellement impayé&#xa0;: appels interrompus)</translation>
    </message>
    <message>
        <source>Linked account: %1</source>
        <translation>Compte lié&#xa0;:       %1</translation>
    </message>
    <message>
        <source>Linked account: %1, extension %2</source>
        <translation>Compte lié&#xa0;:       %1, poste %2</translation>
    </message>
    <message>
        <source>Number:        %1</source>
        <translation>Numéro&#xa0;:           %1</translation>
    </message>
    <message>
        <source>Account:     %1</source>
        <translation>Compte&#xa0;:   %1</translation>
    </message>
    <message>
        <source>Name:        %1</source>
        <translation>Nom&#xa0;:      %1</translation>
    </message>
    <message>
        <source>E-mail:      %1</source>
        <translation>E-mail&#xa0;:   %1</translation>
    </message>
    <message>
        <source>Department:  %1</source>
        <translation>Service&#xa0;:  %1</translation>
    </message>
    <message>
        <source>Balance:     %1</source>
        <translation>Solde&#xa0;:    %1</translation>
    </message>
    <message>
        <source>Status:      %1</source>
        <translation>État&#xa0;:     %1</translation>
    </message>
    <message>
        <source>Auto-recharge: %1 when below %2, monthly limit %3, recharged this month %4</source>
        <translation>Recharge automatique&#xa0;: %1 lorsque le solde est inférieur à %2, limite mensuelle %3, rechargé ce mois-ci %4</translation>
    </message>
    <message>
        <source>Auto-recharge suspended until %1</source>
        <translation>Recharge automatique suspendue jusqu’au %1</translation>
    </message>
    <message>
        <source>Auto-recharge: off</source>
        <translation>Recharge automatique&#xa0;: désactivée</translation>
    </message>
    <message>
        <source>Try &apos;switchboardctl --help&apos;.</source>
        <translation>Essayez «&#xa0;switchboardctl --help&#xa0;».</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>L’option %1 nécessite une valeur.</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>Option inconnue&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an amount; write it like 12.50.</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas un montant&#xa0;; écrivez-le comme 12.50.</translation>
    </message>
    <message>
        <source>--now: &quot;%1&quot; is not an ISO 8601 time such as 2026-12-01T09:00:00Z.</source>
        <translation>--now&#xa0;: «&#xa0;%1&#xa0;» n’est pas une heure ISO 8601 comme 2026-12-01T09:00:00Z.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Aucune commande indiquée.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Commande inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>init takes no arguments.</source>
        <translation>init n’accepte aucun argument.</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema %2).</source>
        <translation>La base de données %1 est prête (schéma %2).</translation>
    </message>
    <message>
        <source>balance takes no arguments.</source>
        <translation>balance n’accepte aucun argument.</translation>
    </message>
    <message>
        <source>Company balance: %1 %2</source>
        <translation>Solde de l’entreprise&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>Usage: topup AMOUNT [--reference TEXT]</source>
        <translation>Utilisation&#xa0;: topup AMOUNT [--reference TEXT]</translation>
    </message>
    <message>
        <source>Added %1; company balance %2 %3</source>
        <translation>%1 ajouté&#xa0;; solde de l’entreprise %2 %3</translation>
    </message>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>Membre %1 (%2) ajouté.</translation>
    </message>
    <message>
        <source>Usage: member list [--search TEXT]</source>
        <translation>Utilisation&#xa0;: member list [--search TEXT]</translation>
    </message>
    <message>
        <source>Usage: member show ACCOUNT</source>
        <translation>Utilisation&#xa0;: member show ACCOUNT</translation>
    </message>
    <message>
        <source>Usage: member import FILE.csv [--dry-run]</source>
        <translation>Utilisation&#xa0;: member import FILE.csv [--dry-run]</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s).</source>
        <translation>
            <numerusform>%n membre importé.</numerusform>
            <numerusform>%n membres importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have problems; nothing was imported.</source>
        <translation>
            <numerusform>%n ligne comporte des problèmes&#xa0;; rien n’a été importé.</numerusform>
            <numerusform>%n lignes comportent des problèmes&#xa0;; rien n’a été importé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: member export FILE.csv</source>
        <translation>Utilisation&#xa0;: member export FILE.csv</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation>
            <numerusform>%n membre exporté vers %1.</numerusform>
            <numerusform>%n membres exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown member command &apos;%1&apos;.</source>
        <translation>Commande member inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</source>
        <translation>Utilisation&#xa0;: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all; company balance %3.</source>
        <translation>
            <numerusform>%1 attribué à %n membre, %2 au total&#xa0;; solde de l’entreprise %3.</numerusform>
            <numerusform>%1 attribué à chacun des %n membres, %2 au total&#xa0;; solde de l’entreprise %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: autorecharge set|off ACCOUNT ...</source>
        <translation>Utilisation&#xa0;: autorecharge set|off ACCOUNT ...</translation>
    </message>
    <message>
        <source>Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</source>
        <translation>Utilisation&#xa0;: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</translation>
    </message>
    <message>
        <source>Auto-recharge saved and enabled for %1.</source>
        <translation>Recharge automatique enregistrée et activée pour %1.</translation>
    </message>
    <message>
        <source>Usage: autorecharge off ACCOUNT</source>
        <translation>Utilisation&#xa0;: autorecharge off ACCOUNT</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1.</source>
        <translation>Recharge automatique désactivée pour %1.</translation>
    </message>
    <message>
        <source>Unknown autorecharge command &apos;%1&apos;.</source>
        <translation>Commande autorecharge inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Usage: billing run</source>
        <translation>Utilisation&#xa0;: billing run</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 100000.</source>
        <translation>--limit&#xa0;: «&#xa0;%1&#xa0;» n’est pas un nombre de 1 à 100000.</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a whole number.</source>
        <translation>--seed&#xa0;: «&#xa0;%1&#xa0;» n’est pas un nombre entier.</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.</source>
        <translation>
            <numerusform>%n membre créé, %1 avec recharge automatique, %2 de crédit attribué.</numerusform>
            <numerusform>%n membres créés, %1 avec recharge automatique, %2 de crédit attribué.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number countries|areas|prices|buy|assign|cancel|list ...</source>
        <translation>Utilisation&#xa0;: number countries|areas|prices|buy|assign|cancel|list ...</translation>
    </message>
    <message>
        <source>Name exactly one holder: --member ACCOUNT or --profile NAME.</source>
        <translation>Indiquez un seul titulaire&#xa0;: --member ACCOUNT ou --profile NAME.</translation>
    </message>
    <message>
        <source>Usage: number countries</source>
        <translation>Utilisation&#xa0;: number countries</translation>
    </message>
    <message>
        <source>	(terms must be accepted)</source>
        <translation>	(conditions à accepter)</translation>
    </message>
    <message>
        <source>Usage: number %1 COUNTRY</source>
        <translation>Utilisation&#xa0;: number %1 COUNTRY</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n mois&#xa0;: %1</numerusform>
            <numerusform>%n mois&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</source>
        <translation>Utilisation&#xa0;: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</translation>
    </message>
    <message>
        <source>--months: &quot;%1&quot; is not 1, 3 or 12.</source>
        <translation>--months&#xa0;: «&#xa0;%1&#xa0;» ne vaut ni 1, ni 3, ni 12.</translation>
    </message>
    <message>
        <source>Bought %1 (%2) for %3, paid %4; it renews on %5.</source>
        <translation>%1 (%2) acheté pour %3, %4 payé&#xa0;; renouvellement le %5.</translation>
    </message>
    <message>
        <source>Usage: number assign E164 (--member ACCOUNT | --profile NAME)</source>
        <translation>Utilisation&#xa0;: number assign E164 (--member ACCOUNT | --profile NAME)</translation>
    </message>
    <message>
        <source>Reminder: the terms of numbers in %1 (for example a local address) still apply to the new holder.</source>
        <translation>Rappel&#xa0;: pour les numéros de ce pays (%1), les conditions (par exemple une adresse locale) s’appliquent toujours au nouveau titulaire.</translation>
    </message>
    <message>
        <source>Reminder: the number&apos;s terms still apply to the new holder.</source>
        <translation>Rappel&#xa0;: les conditions du numéro s’appliquent toujours au nouveau titulaire.</translation>
    </message>
    <message>
        <source>%1 now belongs to %2.</source>
        <translation>%1 appartient maintenant à %2.</translation>
    </message>
    <message>
        <source>Usage: number cancel E164</source>
        <translation>Utilisation&#xa0;: number cancel E164</translation>
    </message>
    <message>
        <source>%1 is cancelled: usable until %2, then released. No refund.</source>
        <translation>%1 est résilié&#xa0;: utilisable jusqu’au %2, puis libéré. Aucun remboursement.</translation>
    </message>
    <message>
        <source>Usage: number list [--search TEXT] [--country CC]</source>
        <translation>Utilisation&#xa0;: number list [--search TEXT] [--country CC]</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>résilié</translation>
    </message>
    <message>
        <source>Unknown number command &apos;%1&apos;.</source>
        <translation>Commande number inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Usage: credit profile NAME AMOUNT</source>
        <translation>Utilisation&#xa0;: credit profile NAME AMOUNT</translation>
    </message>
    <message>
        <source>Allocated %1 to %2; its balance is %3.</source>
        <translation>%1 attribué à %2&#xa0;; son solde est de %3.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas un nombre entier.</translation>
    </message>
    <message>
        <source>--port goes with --ip (IP authentication).</source>
        <translation>--port s’utilise avec --ip (authentification par IP).</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 with %n channel(s); the company paid %2.</source>
        <translation>
            <numerusform>Profil SIP %1 créé avec %n canal&#xa0;; l’entreprise a payé %2.</numerusform>
            <numerusform>Profil SIP %1 créé avec %n canaux&#xa0;; l’entreprise a payé %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP username %1. Show the password with: switchboardctl profile credentials &quot;%2&quot;</source>
        <translation>Nom d’utilisateur SIP&#xa0;: %1. Affichez le mot de passe avec&#xa0;: switchboardctl profile credentials &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Usage: profile list</source>
        <translation>Utilisation&#xa0;: profile list</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME ...</source>
        <translation>Utilisation&#xa0;: profile %1 NAME ...</translation>
    </message>
    <message>
        <source>Usage: profile show NAME</source>
        <translation>Utilisation&#xa0;: profile show NAME</translation>
    </message>
    <message>
        <source>Usage: profile rename NAME NEWNAME</source>
        <translation>Utilisation&#xa0;: profile rename NAME NEWNAME</translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation>Renommé en %1.</translation>
    </message>
    <message>
        <source>Usage: profile channels NAME N</source>
        <translation>Utilisation&#xa0;: profile channels NAME N</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME</source>
        <translation>Utilisation&#xa0;: profile %1 NAME</translation>
    </message>
    <message>
        <source>--format: only &quot;asterisk&quot; (PJSIP) is available.</source>
        <translation>--format&#xa0;: seul «&#xa0;asterisk&#xa0;» (PJSIP) est disponible.</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from %1, UDP port %2.</source>
        <translation>Authentification par IP&#xa0;: le fournisseur accepte les appels de %1, port UDP %2.</translation>
    </message>
    <message>
        <source>Username: %1
Password: %2</source>
        <translation>Nom d’utilisateur&#xa0;: %1
Mot de passe&#xa0;: %2</translation>
    </message>
    <message>
        <source>SIP servers: %1</source>
        <translation>Serveurs SIP&#xa0;: %1</translation>
    </message>
    <message>
        <source>Usage: profile link NAME ACCOUNT [--extension DIGITS]</source>
        <translation>Utilisation&#xa0;: profile link NAME ACCOUNT [--extension DIGITS]</translation>
    </message>
    <message>
        <source>Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.</source>
        <translation>%1 lié à %2&#xa0;: ses appels et ses numéros sont acheminés vers le PBX&#xa0;; la connexion est désactivée.</translation>
    </message>
    <message>
        <source>Usage: profile unlink NAME ACCOUNT</source>
        <translation>Utilisation&#xa0;: profile unlink NAME ACCOUNT</translation>
    </message>
    <message>
        <source>Unlinked %1 from %2; sign-in is restored.</source>
        <translation>%1 dissocié de %2&#xa0;; la connexion est rétablie.</translation>
    </message>
    <message>
        <source>Usage: profile delete NAME --yes [--export-history FILE.csv]</source>
        <translation>Utilisation&#xa0;: profile delete NAME --yes [--export-history FILE.csv]</translation>
    </message>
    <message>
        <source>Unknown profile command &apos;%1&apos;.</source>
        <translation>Commande profile inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>Outgoing calls: %n channel(s), %1 a month; paid until %2%3</source>
        <translation>
            <numerusform>Appels sortants&#xa0;:  %n canal, %1 par mois&#xa0;; payé jusqu’au %2%3</numerusform>
            <numerusform>Appels sortants&#xa0;:  %n canaux, %1 par mois&#xa0;; payés jusqu’au %2%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run, nothing was written. Members that would be added: %1; lines with problems: %2.</source>
        <translation>Essai à blanc, rien n’a été écrit. Membres à ajouter&#xa0;: %1&#xa0;; lignes avec des problèmes&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Billing run done. Numbers renewed: %1 (paid %2), released: %3, expired unpaid: %4. Monthly recharge limits reset: %5, suspensions ended: %6, recharged: %7.</source>
        <translation>Facturation terminée. Numéros renouvelés&#xa0;: %1 (payé&#xa0;: %2), libérés&#xa0;: %3, expirés faute de paiement&#xa0;: %4. Limites de recharge mensuelles remises à zéro&#xa0;: %5, suspensions levées&#xa0;: %6, montant rechargé&#xa0;: %7.</translation>
    </message>
    <message numerus="yes">
        <source>%1	%2	%n available</source>
        <translation>
            <numerusform>%1	%2	%n disponible</numerusform>
            <numerusform>%1	%2	%n disponibles</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting %1 would: return to the company balance: %2; put numbers back in the pool: %3; unlink accounts: %4; delete call records: %5. Add --yes to delete.</source>
        <translation>La suppression de %1 aurait pour effet de&#xa0;: rendre au solde de l’entreprise&#xa0;: %2&#xa0;; remettre des numéros dans la réserve&#xa0;: %3&#xa0;; dissocier des comptes&#xa0;: %4&#xa0;; supprimer des relevés d’appels&#xa0;: %5. Ajoutez --yes pour supprimer.</translation>
    </message>
    <message>
        <source>Deleted %1. Returned to the company balance: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5.</source>
        <translation>%1 supprimé. Rendu au solde de l’entreprise&#xa0;: %2&#xa0;; numéros remis dans la réserve&#xa0;: %3&#xa0;; comptes dissociés&#xa0;: %4&#xa0;; relevés d’appels supprimés&#xa0;: %5.</translation>
    </message>
    <message>
        <source>Usage: activity [--limit N] [--lang en|nb|fr|nl|pl]</source>
        <translation>Utilisation&#xa0;: activity [--limit N] [--lang en|nb|fr|nl|pl]</translation>
    </message>
    <message>
        <source>--lang: &quot;%1&quot; is not one of en, nb, fr, nl, pl.</source>
        <translation>--lang&#xa0;: «&#xa0;%1&#xa0;» n’est pas l’une des langues en, nb, fr, nl, pl.</translation>
    </message>
    <message>
        <source>How many entries, from 1 to 100000 (20 by default).</source>
        <translation>Nombre d’entrées, de 1 à 100000 (20 par défaut).</translation>
    </message>
    <message>
        <source>The language of the sentences: en (default), nb, fr, nl or pl.</source>
        <translation>La langue des phrases&#xa0;: en (par défaut), nb, fr, nl ou pl.</translation>
    </message>
    <message>
        <source>The audit log, newest first.</source>
        <translation>Le journal d’audit, le plus récent d’abord.</translation>
    </message>
    <message>
        <source>What each recharge adds.</source>
        <translation>Le montant ajouté par chaque recharge.</translation>
    </message>
    <message>
        <source>Recharge when the member&apos;s balance falls below this.</source>
        <translation>Recharger lorsque le solde du membre descend sous ce montant.</translation>
    </message>
    <message>
        <source>At most this much recharged in a calendar month.</source>
        <translation>Montant maximal rechargé au cours d’un mois civil.</translation>
    </message>
    <message>
        <source>A member&apos;s automatic recharge from the company balance.</source>
        <translation>La recharge automatique d’un membre à partir du solde de l’entreprise.</translation>
    </message>
    <message>
        <source>The company balance.</source>
        <translation>Le solde de l’entreprise.</translation>
    </message>
    <message>
        <source>Renewals, expiries and monthly resets due by now.</source>
        <translation>Renouvellements, expirations et remises à zéro mensuelles dus à ce jour.</translation>
    </message>
    <message>
        <source>Usage: switchboardctl [GLOBAL OPTIONS] %1 ...</source>
        <translation>Utilisation&#xa0;: switchboardctl [GLOBAL OPTIONS] %1 ...</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options&#xa0;:</translation>
    </message>
    <message>
        <source>Global options and exit status: switchboardctl --help</source>
        <translation>Options globales et code de sortie&#xa0;: switchboardctl --help</translation>
    </message>
    <message>
        <source>Company credit to members or to a SIP profile.</source>
        <translation>Crédit de l’entreprise vers des membres ou vers un profil SIP.</translation>
    </message>
    <message>
        <source>credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT to each member; all or nothing</source>
        <translation>credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT à chaque membre&#xa0;; tout ou rien</translation>
    </message>
    <message>
        <source>credit profile NAME AMOUNT                  company credit to a SIP profile</source>
        <translation>credit profile NAME AMOUNT                  crédit de l’entreprise vers un profil SIP</translation>
    </message>
    <message>
        <source>The same seed generates the same data.</source>
        <translation>La même graine génère les mêmes données.</translation>
    </message>
    <message>
        <source>Fill the database with realistic generated data.</source>
        <translation>Remplir la base de données avec des données générées réalistes.</translation>
    </message>
    <message>
        <source>Create or upgrade the database.</source>
        <translation>Créer ou mettre à niveau la base de données.</translation>
    </message>
    <message>
        <source>The member&apos;s full name (add).</source>
        <translation>Le nom complet du membre (add).</translation>
    </message>
    <message>
        <source>The member&apos;s e-mail address (add).</source>
        <translation>L’adresse e-mail du membre (add).</translation>
    </message>
    <message>
        <source>The member&apos;s department (add).</source>
        <translation>Le service du membre (add).</translation>
    </message>
    <message>
        <source>Only members whose account, name, e-mail or department contains TEXT, in any case (list).</source>
        <translation>Uniquement les membres dont le compte, le nom, l’e-mail ou le service contient TEXT, sans tenir compte de la casse (list).</translation>
    </message>
    <message>
        <source>List every problem of the file and write nothing (import).</source>
        <translation>Lister chaque problème du fichier sans rien écrire (import).</translation>
    </message>
    <message>
        <source>member list [--search TEXT]                 every member</source>
        <translation>member list [--search TEXT]                 tous les membres</translation>
    </message>
    <message>
        <source>member show ACCOUNT                         one member</source>
        <translation>member show ACCOUNT                         un membre</translation>
    </message>
    <message>
        <source>member import FILE.csv [--dry-run]          all or nothing; the dry run lists every problem</source>
        <translation>member import FILE.csv [--dry-run]          tout ou rien&#xa0;; l’essai à blanc liste chaque problème</translation>
    </message>
    <message>
        <source>member export FILE.csv                      a CSV that member import reads back unchanged</source>
        <translation>member export FILE.csv                      un CSV que member import relit sans changement</translation>
    </message>
    <message>
        <source>The billing period: 1, 3 or 12 (buy).</source>
        <translation>La période de facturation&#xa0;: 1, 3 ou 12 (buy).</translation>
    </message>
    <message>
        <source>The member who holds the number (buy, assign).</source>
        <translation>Le membre titulaire du numéro (buy, assign).</translation>
    </message>
    <message>
        <source>The SIP profile that holds the number (buy, assign).</source>
        <translation>Le profil SIP titulaire du numéro (buy, assign).</translation>
    </message>
    <message>
        <source>Accept the country&apos;s terms where it has them (buy).</source>
        <translation>Accepter les conditions du pays, s’il en a (buy).</translation>
    </message>
    <message>
        <source>Only numbers matching TEXT (list).</source>
        <translation>Uniquement les numéros correspondant à TEXT (list).</translation>
    </message>
    <message>
        <source>Only numbers of this country (list).</source>
        <translation>Uniquement les numéros de ce pays (list).</translation>
    </message>
    <message>
        <source>Phone numbers: where to buy them, buying, assigning, cancelling and listing.</source>
        <translation>Numéros de téléphone&#xa0;: où les acheter, achat, attribution, résiliation et liste.</translation>
    </message>
    <message>
        <source>number countries                            where numbers can be bought</source>
        <translation>number countries                            pays où acheter des numéros</translation>
    </message>
    <message>
        <source>number areas COUNTRY                        area codes with place names and numbers left</source>
        <translation>number areas COUNTRY                        indicatifs régionaux, avec localité et numéros restants</translation>
    </message>
    <message>
        <source>number prices COUNTRY                       price per billing period (1, 3, 12 months)</source>
        <translation>number prices COUNTRY                       prix par période de facturation (1, 3, 12 mois)</translation>
    </message>
    <message>
        <source>number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</source>
        <translation>number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</translation>
    </message>
    <message>
        <source>number assign E164 (--member ACCOUNT | --profile NAME)</source>
        <translation>number assign E164 (--member ACCOUNT | --profile NAME)</translation>
    </message>
    <message>
        <source>number cancel E164                          usable until the end of its period, no refund</source>
        <translation>number cancel E164                          utilisable jusqu’à la fin de sa période, sans remboursement</translation>
    </message>
    <message>
        <source>number list [--search TEXT] [--country CC]  every number the company has or had</source>
        <translation>number list [--search TEXT] [--country CC]  tous les numéros que l’entreprise a ou a eus</translation>
    </message>
    <message>
        <source>IP authentication: the PBX&apos;s public address (create).</source>
        <translation>Authentification par IP&#xa0;: l’adresse publique du PBX (create).</translation>
    </message>
    <message>
        <source>The PBX&apos;s UDP port, with --ip (create).</source>
        <translation>Le port UDP du PBX, avec --ip (create).</translation>
    </message>
    <message>
        <source>Simultaneous outgoing calls (create).</source>
        <translation>Appels sortants simultanés (create).</translation>
    </message>
    <message>
        <source>The profile&apos;s department (create).</source>
        <translation>Le service du profil (create).</translation>
    </message>
    <message>
        <source>Where the profile&apos;s credentials go (create).</source>
        <translation>L’adresse à laquelle les identifiants du profil sont envoyés (create).</translation>
    </message>
    <message>
        <source>The PBX: only &quot;asterisk&quot; (PJSIP) for now (pbx-config).</source>
        <translation>Le PBX&#xa0;: uniquement «&#xa0;asterisk&#xa0;» (PJSIP) pour l’instant (pbx-config).</translation>
    </message>
    <message>
        <source>The member&apos;s extension on the PBX (link).</source>
        <translation>Le poste du membre sur le PBX (link).</translation>
    </message>
    <message>
        <source>Really delete; without it, delete only says what it would do.</source>
        <translation>Supprimer réellement&#xa0;; sans cette option, delete indique seulement ce qu’il ferait.</translation>
    </message>
    <message>
        <source>Save the profile&apos;s call records to this CSV first (delete).</source>
        <translation>Enregistrer d’abord les relevés d’appels du profil dans ce fichier CSV (delete).</translation>
    </message>
    <message>
        <source>SIP profiles: a company PBX&apos;s trunk with its channels, accounts and numbers.</source>
        <translation>Profils SIP&#xa0;: le trunk d’un PBX de l’entreprise, avec ses canaux, ses comptes et ses numéros.</translation>
    </message>
    <message>
        <source>profile show NAME | profile list</source>
        <translation>profile show NAME | profile list</translation>
    </message>
    <message>
        <source>profile rename NAME NEWNAME | profile channels NAME N</source>
        <translation>profile rename NAME NEWNAME | profile channels NAME N</translation>
    </message>
    <message>
        <source>profile credentials NAME                    SIP username, password and servers</source>
        <translation>profile credentials NAME                    nom d’utilisateur SIP, mot de passe et serveurs</translation>
    </message>
    <message>
        <source>profile pbx-config NAME [--format asterisk] ready-to-paste PBX configuration</source>
        <translation>profile pbx-config NAME [--format asterisk] configuration PBX prête à coller</translation>
    </message>
    <message>
        <source>profile link NAME ACCOUNT [--extension DIGITS] | profile unlink NAME ACCOUNT</source>
        <translation>profile link NAME ACCOUNT [--extension DIGITS] | profile unlink NAME ACCOUNT</translation>
    </message>
    <message>
        <source>profile delete NAME --yes [--export-history FILE.csv]</source>
        <translation>profile delete NAME --yes [--export-history FILE.csv]</translation>
    </message>
    <message>
        <source>The invoice or payment it came with, for the books.</source>
        <translation>La facture ou le paiement correspondant, pour la comptabilité.</translation>
    </message>
    <message>
        <source>Add bought credit to the company balance.</source>
        <translation>Ajouter le crédit acheté au solde de l’entreprise.</translation>
    </message>
    <message>
        <source>US minute bundles renewed: %1 (paid %2 from the profiles&apos; balances), lapsed: %3.</source>
        <translation>Forfaits de minutes vers les États-Unis renouvelés&#xa0;: %1 (payé sur les soldes des profils&#xa0;: %2), expirés&#xa0;: %3.</translation>
    </message>
    <message>
        <source>US minute bundles of a SIP profile: 5000 minutes a month each, paid from the profile&apos;s balance, never more than its channels.</source>
        <translation>Forfaits de minutes vers les États-Unis d’un profil SIP&#xa0;: 5000 minutes par mois chacun, payés sur le solde du profil, jamais plus de forfaits que de canaux.</translation>
    </message>
    <message>
        <source>bundle add PROFILE COUNT      buy bundles for a profile without any</source>
        <translation>bundle add PROFILE COUNT      acheter des forfaits pour un profil qui n’en a pas</translation>
    </message>
    <message>
        <source>bundle change PROFILE COUNT   refund the unused minutes, buy COUNT at today&apos;s price</source>
        <translation>bundle change PROFILE COUNT   rembourser les minutes non utilisées, acheter COUNT forfaits au prix du jour</translation>
    </message>
    <message>
        <source>bundle cancel PROFILE         no renewal; usable until the period&apos;s end</source>
        <translation>bundle cancel PROFILE         pas de renouvellement&#xa0;; utilisables jusqu’à la fin de la période</translation>
    </message>
    <message>
        <source>bundle extend PROFILE         pay the next month now (within 30 days of its end)</source>
        <translation>bundle extend PROFILE         payer maintenant le mois suivant (au plus 30 jours avant la fin de la période payée)</translation>
    </message>
    <message>
        <source>Usage: bundle add|change|cancel|extend PROFILE [COUNT]</source>
        <translation>Utilisation&#xa0;: bundle add|change|cancel|extend PROFILE [COUNT]</translation>
    </message>
    <message>
        <source>Unknown bundle command &apos;%1&apos;.</source>
        <translation>Commande bundle inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Usage: bundle %1 PROFILE COUNT</source>
        <translation>Utilisation&#xa0;: bundle %1 PROFILE COUNT</translation>
    </message>
    <message>
        <source>Usage: bundle %1 PROFILE</source>
        <translation>Utilisation&#xa0;: bundle %1 PROFILE</translation>
    </message>
    <message>
        <source>bundles: &quot;%1&quot; is not a whole number.</source>
        <translation>bundles&#xa0;: «&#xa0;%1&#xa0;» n’est pas un nombre entier.</translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1: paid %2; the period ends %3.</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis pour %1&#xa0;: %2 payé&#xa0;; la période se termine le %3.</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis pour %1&#xa0;: %2 payé&#xa0;; la période se termine le %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1: refunded %2 for unused minutes, paid %3; the period ends %4.</source>
        <translation>
            <numerusform>%n forfait de minutes vers les États-Unis pour %1&#xa0;: %2 remboursé pour les minutes non utilisées, %3 payé&#xa0;; la période se termine le %4.</numerusform>
            <numerusform>%n forfaits de minutes vers les États-Unis pour %1&#xa0;: %2 remboursé pour les minutes non utilisées, %3 payé&#xa0;; la période se termine le %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are cancelled; usable until %2.</source>
        <translation>Les forfaits de minutes vers les États-Unis de %1 sont résiliés&#xa0;; utilisables jusqu’au %2.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are extended: paid %2; next payment %3.</source>
        <translation>Les forfaits de minutes vers les États-Unis de %1 sont prolongés&#xa0;: %2 payé&#xa0;; prochain paiement le %3.</translation>
    </message>
    <message>
        <source>asterisk (Master.csv) or freeswitch (mod_cdr_csv, template &quot;example&quot;); found from the file when not given.</source>
        <translation>asterisk (Master.csv) ou freeswitch (mod_cdr_csv, modèle «&#xa0;example&#xa0;»)&#xa0;; déterminé d’après le fichier s’il n’est pas indiqué.</translation>
    </message>
    <message>
        <source>The IANA time zone of the file&apos;s times (import; UTC by default) or of --from and --to (list; this computer&apos;s by default).</source>
        <translation>Le fuseau horaire IANA des heures du fichier (import&#xa0;; UTC par défaut) ou de --from et --to (list&#xa0;; celui de cet ordinateur par défaut).</translation>
    </message>
    <message>
        <source>Only the calls this SIP profile paid.</source>
        <translation>Uniquement les appels payés par ce profil SIP.</translation>
    </message>
    <message>
        <source>Only the calls this member paid.</source>
        <translation>Uniquement les appels payés par ce membre.</translation>
    </message>
    <message>
        <source>The first day (YYYY-MM-DD), included.</source>
        <translation>Le premier jour (YYYY-MM-DD), inclus.</translation>
    </message>
    <message>
        <source>The last day (YYYY-MM-DD), included.</source>
        <translation>Le dernier jour (YYYY-MM-DD), inclus.</translation>
    </message>
    <message>
        <source>Write every matching call to this CSV file instead (--limit does not apply).</source>
        <translation>Écrire plutôt tous les appels correspondants dans ce fichier CSV (--limit ne s’applique pas).</translation>
    </message>
    <message>
        <source>Only calls whose source or destination contains this number.</source>
        <translation>Uniquement les appels dont la source ou la destination contient ce numéro.</translation>
    </message>
    <message>
        <source>How many calls, newest first, from 1 to 1000000 (1000 by default).</source>
        <translation>Nombre d’appels, les plus récents d’abord, de 1 à 1000000 (1000 par défaut).</translation>
    </message>
    <message>
        <source>The PBX&apos;s call records: import and rate them, list the call history.</source>
        <translation>Les relevés d’appels du PBX&#xa0;: les importer et les tarifer, lister l’historique des appels.</translation>
    </message>
    <message>
        <source>calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</source>
        <translation>calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</translation>
    </message>
    <message>
        <source>calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</source>
        <translation>calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</translation>
    </message>
    <message>
        <source>Usage: calls import|list ...</source>
        <translation>Utilisation&#xa0;: calls import|list ...</translation>
    </message>
    <message>
        <source>Unknown calls command &apos;%1&apos;.</source>
        <translation>Commande calls inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Usage: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</source>
        <translation>Utilisation&#xa0;: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</translation>
    </message>
    <message>
        <source>--format: &quot;%1&quot; is not asterisk or freeswitch.</source>
        <translation>--format&#xa0;: «&#xa0;%1&#xa0;» n’est ni asterisk ni freeswitch.</translation>
    </message>
    <message>
        <source>--time-zone: &quot;%1&quot; is not an IANA time zone such as Europe/Oslo or America/New_York.</source>
        <translation>--time-zone&#xa0;: «&#xa0;%1&#xa0;» n’est pas un fuseau horaire IANA comme Europe/Oslo ou America/New_York.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s) with problems.</source>
        <translation>
            <numerusform>… et %n autre ligne comportant des problèmes.</numerusform>
            <numerusform>… et %n autres lignes comportant des problèmes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unknown account code &quot;%1&quot;: %n record(s), the first on line %2.</source>
        <translation>
            <numerusform>Code de compte inconnu «&#xa0;%1&#xa0;»&#xa0;: %n relevé, à la ligne %2.</numerusform>
            <numerusform>Code de compte inconnu «&#xa0;%1&#xa0;»&#xa0;: %n relevés, le premier à la ligne %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2 was not charged: %3</source>
        <translation>ligne %1&#xa0;: l’appel vers %2 n’a pas été facturé&#xa0;: %3</translation>
    </message>
    <message>
        <source>Imported calls: %1; duplicates skipped: %2; lines with problems: %3; calls charged: %5, %4 in all.</source>
        <translation>Appels importés&#xa0;: %1&#xa0;; doublons ignorés&#xa0;: %2&#xa0;; lignes avec des problèmes&#xa0;: %3&#xa0;; appels facturés&#xa0;: %5, pour un total de %4.</translation>
    </message>
    <message>
        <source>Usage: calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</source>
        <translation>Utilisation&#xa0;: calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</translation>
    </message>
    <message>
        <source>Give --profile or --member, not both.</source>
        <translation>Indiquez --profile ou --member, pas les deux.</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation>--%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas une date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2).</source>
        <translation>--to (%1) est antérieur à --from (%2).</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 1000000.</source>
        <translation>--limit&#xa0;: «&#xa0;%1&#xa0;» n’est pas un nombre de 1 à 1000000.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n call(s) to %1.</source>
        <translation>
            <numerusform>%n appel exporté vers %1.</numerusform>
            <numerusform>%n appels exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>How many members, 0 to %1 (200 if not given).</source>
        <translation>Nombre de membres, de 0 à %1 (200 s’il n’est pas indiqué).</translation>
    </message>
    <message>
        <source>How many SIP profiles with channels, 0 to %1.</source>
        <translation>Nombre de profils SIP avec canaux, de 0 à %1.</translation>
    </message>
    <message>
        <source>How many numbers across the catalogue, for members and profiles (at most what the catalogue has free).</source>
        <translation>Nombre de numéros répartis dans le catalogue, pour les membres et les profils (au plus le nombre de numéros disponibles dans le catalogue).</translation>
    </message>
    <message>
        <source>How many call records over the last three months, rated and charged like an imported Master.csv.</source>
        <translation>Nombre de relevés d’appels sur les trois derniers mois, tarifés et débités comme un fichier Master.csv importé.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 0 to %3.</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas un nombre de 0 à %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n SIP profile(s); channels: %1, numbers: %2.</source>
        <translation>
            <numerusform>%n profil SIP&#xa0;; canaux&#xa0;: %1, numéros&#xa0;: %2.</numerusform>
            <numerusform>%n profils SIP&#xa0;; canaux&#xa0;: %1, numéros&#xa0;: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue had only %1 free numbers of the %2 asked for.</source>
        <translation>Le catalogue n’avait que %1 numéros disponibles sur les %2 demandés.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) imported; charged calls: %1, %2 in all; payers left owing: %3, %4 together.</source>
        <translation>
            <numerusform>%n appel importé&#xa0;; appels facturés&#xa0;: %1, pour %2&#xa0;; payeurs débiteurs&#xa0;: %3, montant dû&#xa0;: %4.</numerusform>
            <numerusform>%n appels importés&#xa0;; appels facturés&#xa0;: %1, pour %2&#xa0;; payeurs débiteurs&#xa0;: %3, montant dû&#xa0;: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>The price list in force: showing it, and importing one in its place.</source>
        <translation>La liste de prix en vigueur&#xa0;: l’afficher, et en importer une pour la remplacer.</translation>
    </message>
    <message>
        <source>prices show                                 bundle, channel and number prices, per-minute rates</source>
        <translation>prices show                                 prix des forfaits, des canaux et des numéros, tarifs à la minute</translation>
    </message>
    <message>
        <source>prices import FILE                          replace the price list with FILE (JSON, validated whole)</source>
        <translation>prices import FILE                          remplacer la liste de prix par FILE (JSON, entièrement validé)</translation>
    </message>
    <message>
        <source>Usage: prices show|import ...</source>
        <translation>Utilisation&#xa0;: prices show|import ...</translation>
    </message>
    <message>
        <source>Unknown prices command &apos;%1&apos;.</source>
        <translation>Commande prices inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Usage: prices show</source>
        <translation>Utilisation&#xa0;: prices show</translation>
    </message>
    <message>
        <source>Price list in force: imported</source>
        <translation>Liste de prix en vigueur&#xa0;: importée</translation>
    </message>
    <message>
        <source>Price list in force: built-in</source>
        <translation>Liste de prix en vigueur&#xa0;: intégrée</translation>
    </message>
    <message>
        <source>US minute bundle (5000 minutes a month): %1 %2</source>
        <translation>Forfait de minutes vers les États-Unis (5000 minutes par mois)&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>Channel (a month): %1 %2</source>
        <translation>Canal (par mois)&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>Numbers (1, 3 and 12 months):</source>
        <translation>Numéros (1, 3 et 12 mois)&#xa0;:</translation>
    </message>
    <message>
        <source>Per-minute rates (prefix, rate, destination):</source>
        <translation>Tarifs à la minute (préfixe, tarif, destination)&#xa0;:</translation>
    </message>
    <message>
        <source>Usage: prices import FILE</source>
        <translation>Utilisation&#xa0;: prices import FILE</translation>
    </message>
    <message>
        <source>Imported the price list %1: number prices for %2 countries, %3 per-minute rates. It is in force now.</source>
        <translation>Liste de prix %1 importée&#xa0;: prix des numéros pour %2 pays, %3 tarifs à la minute. Elle est désormais en vigueur.</translation>
    </message>
    <message>
        <source>US bundles:    none</source>
        <translation>Forfaits É.-U.&#xa0;:   aucun</translation>
    </message>
    <message>
        <source>US bundles:    %1 at %2 each; %3 of %4 minutes used until %5; %6</source>
        <translation>Forfaits É.-U.&#xa0;:   %1 à %2 l’unité&#xa0;; %3 minutes utilisées sur %4 jusqu’au %5&#xa0;; %6</translation>
    </message>
    <message>
        <source>cancelled, usable until %1</source>
        <translation>résiliés, utilisables jusqu’au %1</translation>
    </message>
    <message>
        <source>next payment %1</source>
        <translation>prochain paiement le %1</translation>
    </message>
    <message>
        <source>Monthly cost:  %1 (channels %2, bundles %3)</source>
        <translation>Coût mensuel&#xa0;:     %1 (canaux %2, forfaits %3)</translation>
    </message>
    <message>
        <source>The member&apos;s country, two letters (add; default US): numbers it dials are read as dialled there.</source>
        <translation>Le pays du membre, en deux lettres (add&#xa0;; US par défaut)&#xa0;: les numéros composés par le membre sont interprétés comme s’ils l’étaient dans ce pays.</translation>
    </message>
    <message>
        <source>Country:     %1</source>
        <translation>Pays&#xa0;:     %1</translation>
    </message>
    <message>
        <source>The members of the account: add, list, show, country, import and export.</source>
        <translation>Les membres du compte&#xa0;: add, list, show, country, import et export.</translation>
    </message>
    <message>
        <source>member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</source>
        <translation>member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</translation>
    </message>
    <message>
        <source>member country ACCOUNT CC                   the country its dialled numbers are read in</source>
        <translation>member country ACCOUNT CC                   le pays où sont interprétés les numéros qu’il compose</translation>
    </message>
    <message>
        <source>Usage: member add|list|show|country|import|export ...</source>
        <translation>Utilisation&#xa0;: member add|list|show|country|import|export ...</translation>
    </message>
    <message>
        <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</source>
        <translation>Utilisation&#xa0;: member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</translation>
    </message>
    <message>
        <source>Usage: member country ACCOUNT CC</source>
        <translation>Utilisation&#xa0;: member country ACCOUNT CC</translation>
    </message>
    <message>
        <source>The country of %1 is now %2.</source>
        <translation>Le pays de %1 est désormais %2.</translation>
    </message>
    <message>
        <source>The profile&apos;s country, two letters (create; default US): numbers its calls dial are read as dialled there.</source>
        <translation>Le pays du profil, en deux lettres (create&#xa0;; US par défaut)&#xa0;: les numéros composés lors de ses appels sont interprétés comme s’ils l’étaient dans ce pays.</translation>
    </message>
    <message>
        <source>Country:       %1</source>
        <translation>Pays&#xa0;:             %1</translation>
    </message>
    <message>
        <source>profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</source>
        <translation>profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</translation>
    </message>
    <message>
        <source>profile country NAME CC                     the country its dialled numbers are read in</source>
        <translation>profile country NAME CC                     le pays où sont interprétés les numéros composés lors de ses appels</translation>
    </message>
    <message>
        <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</source>
        <translation>Utilisation&#xa0;: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</translation>
    </message>
    <message>
        <source>Usage: profile country NAME CC</source>
        <translation>Utilisation&#xa0;: profile country NAME CC</translation>
    </message>
    <message>
        <source>The country of SIP profile %1 is now %2.</source>
        <translation>Le pays du profil SIP %1 est désormais %2.</translation>
    </message>
    <message>
        <source>Advice per SIP profile: the channels its busiest hour needs (Erlang B at 1% blocking) and the US minute bundles that would have cost least over its last three full months of calls.</source>
        <translation>Conseils par profil SIP&#xa0;: les canaux nécessaires à son heure la plus chargée (Erlang B à 1&#xa0;% de blocage) et les forfaits de minutes vers les États-Unis qui auraient coûté le moins cher sur ses trois derniers mois complets d’appels.</translation>
    </message>
    <message>
        <source>advice [PROFILE]                            every profile, or the one named</source>
        <translation>advice [PROFILE]                            tous les profils, ou celui indiqué</translation>
    </message>
    <message>
        <source>Usage: advice [PROFILE]</source>
        <translation>Utilisation&#xa0;: advice [PROFILE]</translation>
    </message>
    <message>
        <source>There are no SIP profiles.</source>
        <translation>Il n’y a aucun profil SIP.</translation>
    </message>
    <message>
        <source>  Channels: %1; the busiest hour (%2 UTC, %3 erlangs) needs %4 at 1% blocking.</source>
        <translation>  Canaux&#xa0;: %1&#xa0;; l’heure la plus chargée (%2 UTC, %3 erlangs) en demande %4 à 1&#xa0;% de blocage.</translation>
    </message>
    <message>
        <source>  Channels: %1; no call records yet.</source>
        <translation>  Canaux&#xa0;: %1&#xa0;; aucun relevé d’appels pour l’instant.</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; not enough call records yet (no full month).</source>
        <translation>  Forfaits É.-U.&#xa0;: %1&#xa0;; pas encore assez de relevés d’appels (aucun mois complet).</translation>
    </message>
    <message>
        <source>  US minute bundles: none; none would have paid off (%1 to %2).</source>
        <translation>  Forfaits É.-U.&#xa0;: aucun&#xa0;; aucun n’aurait été rentable (du %1 au %2).</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; keep them (%2 to %3).</source>
        <translation>  Forfaits É.-U.&#xa0;: %1&#xa0;; à conserver (du %2 au %3).</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; %2 would have cost least, saving %3 %4 a month (%5 to %6).</source>
        <translation>  Forfaits É.-U.&#xa0;: %1&#xa0;; %2 aurait coûté le moins cher, soit une économie de %3 %4 par mois (du %5 au %6).</translation>
    </message>
    <message>
        <source>The calendar month (UTC), YYYY-MM.</source>
        <translation>Le mois civil (UTC), AAAA-MM.</translation>
    </message>
    <message>
        <source>Write the statement to this PDF file.</source>
        <translation>Écrire le relevé de compte dans ce fichier PDF.</translation>
    </message>
    <message>
        <source>Write the statement to this CSV file.</source>
        <translation>Écrire le relevé de compte dans ce fichier CSV.</translation>
    </message>
    <message>
        <source>Reports: the monthly statement as PDF or CSV.</source>
        <translation>Rapports&#xa0;: le relevé de compte mensuel en PDF ou en CSV.</translation>
    </message>
    <message>
        <source>report statement --month YYYY-MM (--pdf FILE | --csv FILE)</source>
        <translation>report statement --month YYYY-MM (--pdf FILE | --csv FILE)</translation>
    </message>
    <message>
        <source>Usage: report statement --month YYYY-MM (--pdf FILE | --csv FILE)</source>
        <translation>Utilisation&#xa0;: report statement --month YYYY-MM (--pdf FILE | --csv FILE)</translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;.</source>
        <translation>Rapport «&#xa0;%1&#xa0;» inconnu.</translation>
    </message>
    <message>
        <source>Statement of %1 written to %2: company balance %3 at the start, %4 at the end; spent %5.</source>
        <translation>Relevé de compte de %1 écrit dans %2&#xa0;: solde de l’entreprise de %3 au début, %4 à la fin&#xa0;; dépenses %5.</translation>
    </message>
    <message>
        <source>--now: %1 is more than a year away from this computer&apos;s clock (%2); add --force-time if that is what you mean.</source>
        <translation>--now&#xa0;: %1 est éloigné de plus d’un an de l’horloge de cet ordinateur (%2)&#xa0;; ajoutez --force-time si c’est bien ce que vous voulez.</translation>
    </message>
    <message>
        <source>profile send-credentials NAME               mail the credentials to the profile&apos;s e-mail</source>
        <translation>profile send-credentials NAME               envoyer les identifiants à l’adresse e-mail du profil</translation>
    </message>
    <message>
        <source>profile probe NAME [--timeout-ms N]          SIP OPTIONS to the PBX and the provider&apos;s servers</source>
        <translation>profile probe NAME [--timeout-ms N]          SIP OPTIONS vers le PBX et les serveurs du fournisseur</translation>
    </message>
    <message>
        <source>Usage: profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|link|unlink|delete|probe ...</source>
        <translation>Utilisation&#xa0;: profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|link|unlink|delete|probe ...</translation>
    </message>
    <message>
        <source>The credentials were sent to %1.</source>
        <translation>Les identifiants ont été envoyés à %1.</translation>
    </message>
    <message>
        <source>The credentials were not sent: %1</source>
        <translation>Les identifiants n’ont pas été envoyés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Usage: profile send-credentials NAME</source>
        <translation>Utilisation&#xa0;: profile send-credentials NAME</translation>
    </message>
    <message>
        <source>The credentials of %1 were sent to %2.</source>
        <translation>Les identifiants de %1 ont été envoyés à %2.</translation>
    </message>
    <message>
        <source>How long to wait for each server, 500 to 32000 ms (probe; default: the setting, 32000 unless changed).</source>
        <translation>Durée d’attente maximale pour chaque serveur, de 500 à 32000&#xa0;ms (probe&#xa0;; par défaut&#xa0;: la valeur du paramètre, 32000 sauf modification).</translation>
    </message>
    <message>
        <source>Checks a SIP profile&apos;s trunk: SIP OPTIONS to its PBX and the provider&apos;s servers.</source>
        <translation>Vérifie le trunk d’un profil SIP&#xa0;: requêtes SIP OPTIONS vers son PBX et les serveurs du fournisseur.</translation>
    </message>
    <message>
        <source>profile probe NAME [--timeout-ms N]      SIP OPTIONS to the PBX and the provider&apos;s servers</source>
        <translation>profile probe NAME [--timeout-ms N]      SIP OPTIONS vers le PBX et les serveurs du fournisseur</translation>
    </message>
    <message>
        <source>Usage: profile probe NAME [--timeout-ms N]</source>
        <translation>Utilisation&#xa0;: profile probe NAME [--timeout-ms N]</translation>
    </message>
    <message>
        <source>PBX:      %1</source>
        <translation>PBX&#xa0;:         %1</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Fournisseur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The mail server&apos;s host name (mail).</source>
        <translation>Le nom d’hôte du serveur de messagerie (mail).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port (mail; default 587 for starttls, 465 for tls, 25 for none).</source>
        <translation>Le port du serveur de messagerie (mail&#xa0;; par défaut 587 pour starttls, 465 pour tls, 25 pour none).</translation>
    </message>
    <message>
        <source>starttls, tls, or none for a server on this machine only (mail; default starttls).</source>
        <translation>starttls, tls, ou none pour un serveur sur cette machine uniquement (mail&#xa0;; par défaut starttls).</translation>
    </message>
    <message>
        <source>The sender address of the messages (mail).</source>
        <translation>L’adresse d’expéditeur des messages (mail).</translation>
    </message>
    <message>
        <source>The user to log in as (mail); without it, no login.</source>
        <translation>L’utilisateur pour l’authentification (mail)&#xa0;; sans cette option, pas d’authentification.</translation>
    </message>
    <message>
        <source>Read the user&apos;s password from the first line of standard input (mail); without it, the stored password is kept.</source>
        <translation>Lire le mot de passe de l’utilisateur sur la première ligne de l’entrée standard (mail)&#xa0;; sans cette option, le mot de passe enregistré est conservé.</translation>
    </message>
    <message>
        <source>Mail server:  none</source>
        <translation>Serveur de messagerie&#xa0;: aucun</translation>
    </message>
    <message>
        <source>Mail server:  %1, port %2 (%3), sender %4, no login</source>
        <translation>Serveur de messagerie&#xa0;: %1, port %2 (%3), expéditeur %4, sans authentification</translation>
    </message>
    <message>
        <source>Mail server:  %1, port %2 (%3), sender %4, login as %5</source>
        <translation>Serveur de messagerie&#xa0;: %1, port %2 (%3), expéditeur %4, authentification en tant que %5</translation>
    </message>
    <message>
        <source>Settings every copy of the program shares: the provider&apos;s SIP servers and the mail server.</source>
        <translation>Paramètres partagés par toutes les instances du programme&#xa0;: les serveurs SIP du fournisseur et le serveur de messagerie.</translation>
    </message>
    <message>
        <source>settings show                               the SIP servers and the mail server</source>
        <translation>settings show                               les serveurs SIP et le serveur de messagerie</translation>
    </message>
    <message>
        <source>settings sip-servers HOST:PORT[,HOST:PORT...] the provider&apos;s SIP servers</source>
        <translation>settings sip-servers HOST:PORT[,HOST:PORT...] les serveurs SIP du fournisseur</translation>
    </message>
    <message>
        <source>settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</source>
        <translation>settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</translation>
    </message>
    <message>
        <source>settings mail test ADDRESS                  send a test message through the mail server</source>
        <translation>settings mail test ADDRESS                  envoyer un message de test par le serveur de messagerie</translation>
    </message>
    <message>
        <source>settings mail clear                         forget the mail server and its password</source>
        <translation>settings mail clear                         oublier le serveur de messagerie et son mot de passe</translation>
    </message>
    <message>
        <source>Usage: settings show|sip-servers|mail ...</source>
        <translation>Utilisation&#xa0;: settings show|sip-servers|mail ...</translation>
    </message>
    <message>
        <source>Unknown settings command &apos;%1&apos;.</source>
        <translation>Commande settings inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Usage: settings show</source>
        <translation>Utilisation&#xa0;: settings show</translation>
    </message>
    <message>
        <source>SIP servers:  %1</source>
        <translation>Serveurs SIP&#xa0;:         %1</translation>
    </message>
    <message>
        <source>Usage: settings sip-servers HOST:PORT[,HOST:PORT...]</source>
        <translation>Utilisation&#xa0;: settings sip-servers HOST:PORT[,HOST:PORT...]</translation>
    </message>
    <message>
        <source>Usage: settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</source>
        <translation>Utilisation&#xa0;: settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</translation>
    </message>
    <message>
        <source>--password-stdin goes with --user.</source>
        <translation>--password-stdin s’utilise avec --user.</translation>
    </message>
    <message>
        <source>--security: &quot;%1&quot; is not starttls, tls or none.</source>
        <translation>--security&#xa0;: «&#xa0;%1&#xa0;» n’est ni starttls, ni tls, ni none.</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation>--password-stdin&#xa0;: l’entrée standard ne contenait aucun mot de passe.</translation>
    </message>
    <message>
        <source>Usage: settings mail test ADDRESS</source>
        <translation>Utilisation&#xa0;: settings mail test ADDRESS</translation>
    </message>
    <message>
        <source>The mail server accepted a test message to %1.</source>
        <translation>Le serveur de messagerie a accepté un message de test pour %1.</translation>
    </message>
    <message>
        <source>Usage: settings mail clear</source>
        <translation>Utilisation&#xa0;: settings mail clear</translation>
    </message>
    <message>
        <source>Mix the demo data into a database that already holds an account.</source>
        <translation>Mêler les données de démonstration à une base de données qui contient déjà un compte.</translation>
    </message>
    <message>
        <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]</source>
        <translation>Utilisation&#xa0;: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]</translation>
    </message>
    <message>
        <source>%1 Add --yes to mix it in all the same.</source>
        <translation>%1 Ajoutez --yes pour les y mêler malgré tout.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n channel(s) (it had %2): paid %3, credited %4 for the unused days of the old ones, next payment on %5.</source>
        <translation>
            <numerusform>%1 a maintenant %n canal (il en avait %2)&#xa0;: %3 payé, %4 crédité pour les jours non utilisés des anciens canaux, prochain paiement le %5.</numerusform>
            <numerusform>%1 a maintenant %n canaux (il en avait %2)&#xa0;: %3 payé, %4 crédité pour les jours non utilisés des anciens canaux, prochain paiement le %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...</source>
        <translation>Utilisation&#xa0;: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes&#xa0;:</translation>
    </message>
    <message>
        <source>COMMAND --help shows a command&apos;s options.</source>
        <translation>COMMAND --help affiche les options d’une commande.</translation>
    </message>
    <message>
        <source>The database defaults to $SWITCHBOARD_DATABASE, else the window&apos;s own SQLite file.</source>
        <translation>Par défaut, la base de données est $SWITCHBOARD_DATABASE, sinon le fichier SQLite de l’application de bureau.</translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 refused (nothing changed), 2 usage error.</source>
        <translation>Code de sortie&#xa0;: 0 terminé, 1 refusé (rien n’a été modifié), 2 erreur d’utilisation.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Search by who, action, account, profile or number (Ctrl+F)</source>
        <translation>Rechercher&#xa0;: qui, action, compte, profil, numéro (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Rechercher dans l’activité</translation>
    </message>
    <message>
        <source>Nothing has happened yet</source>
        <translation>Il ne s’est encore rien passé</translation>
    </message>
    <message>
        <source>Every change to the account is logged here with who made it and when: top-ups, members, numbers, SIP profiles and billing.</source>
        <translation>Chaque modification du compte est consignée ici, avec son auteur et sa date&#xa0;: rechargements, membres, numéros, profils SIP et facturation.</translation>
    </message>
</context>
<context>
    <name>sb::ui::AddMemberDialog</name>
    <message>
        <source>Add member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>The account name is how the member signs in: 6 to 32 characters, starting with a letter; letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Le nom de compte sert à la connexion du membre&#xa0;: 6 à 32 caractères commençant par une lettre&#xa0;; lettres, chiffres, «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nom de &amp;compte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom &amp;affiché&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>De&amp;partment:</source>
        <translation>&amp;Service&#xa0;:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom de compte</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>Pa&amp;ys&#xa0;:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Numbers the member dials are read as dialled in this country (its national forms and international prefix).</source>
        <translation>Les numéros composés par le membre sont interprétés comme s’ils l’étaient dans ce pays (selon ses formats nationaux et son préfixe international).</translation>
    </message>
</context>
<context>
    <name>sb::ui::AllocateCreditDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give credit to %n member(s): %1</source>
        <translation>
            <numerusform>Attribuer du crédit à %n membre&#xa0;: %1</numerusform>
            <numerusform>Attribuer du crédit à %n membres&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un montant. Saisissez-le comme %2.</translation>
    </message>
    <message>
        <source>The total is too large.</source>
        <translation>Le total est trop élevé.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Top up the company balance first, or give less.</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1) ne couvre pas %2 pour %n membre (%3 au total). Rechargez d’abord le solde ou attribuez moins.</numerusform>
            <numerusform>Le solde de l’entreprise (%1) ne couvre pas %2 pour chacun des %n membres (%3 au total). Rechargez d’abord le solde ou attribuez moins.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%2 × %n member(s))</source>
        <translation>
            <numerusform>Total&#xa0;: %1 (%2 × %n membre)</numerusform>
            <numerusform>Total&#xa0;: %1 (%2 × %n membres)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Total&#xa0;: —</translation>
    </message>
    <message>
        <source>Company balance: %1, after the allocation: %2.</source>
        <translation>Solde de l’entreprise&#xa0;: %1, après l’attribution&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Solde de l’entreprise&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Allocate %1</source>
        <translation>Attribuer %1</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Allocate credit</source>
        <translation>Attribuer du crédit</translation>
    </message>
    <message>
        <source>&amp;Amount for each member (%1):</source>
        <translation>&amp;Montant par membre (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>Amount for each member</source>
        <translation>Montant par membre</translation>
    </message>
    <message>
        <source>Selected members</source>
        <translation>Membres sélectionnés</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Solde de l’entreprise</translation>
    </message>
    <message>
        <source>The amount is deducted from the company balance at once and added to each member. Allocated credit cannot be taken back from a member.</source>
        <translation>Le montant est immédiatement déduit du solde de l’entreprise et ajouté à chaque membre. Une fois attribué, le crédit ne peut pas être repris au compte d’un membre.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>sb::ui::AllocateProfileCreditDialog</name>
    <message>
        <source>Give credit to the SIP profile %1 (balance now %2). Its calls are paid from it.</source>
        <translation>Attribuez du crédit au profil SIP %1 (solde actuel&#xa0;: %2). Ses appels sont payés avec ce crédit.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un montant. Saisissez-le comme %2.</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2. Top up the company balance first, or give less.</source>
        <translation>Le solde de l’entreprise (%1) ne couvre pas %2. Rechargez d’abord le solde ou attribuez moins.</translation>
    </message>
    <message>
        <source>Company balance: %1, after the allocation: %2.</source>
        <translation>Solde de l’entreprise&#xa0;: %1, après l’attribution&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Solde de l’entreprise&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Allocate %1</source>
        <translation>Attribuer %1</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Allocate credit to a SIP profile</source>
        <translation>Attribuer du crédit à un profil SIP</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Montant (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>Profil SIP</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Solde de l’entreprise</translation>
    </message>
    <message>
        <source>The amount is deducted from the company balance at once. Credit allocated to a SIP profile cannot be taken back; it returns to the company balance only if the profile is deleted.</source>
        <translation>Le montant est immédiatement déduit du solde de l’entreprise. Le crédit attribué à un profil SIP ne peut pas être repris&#xa0;; il ne retourne au solde de l’entreprise que si le profil est supprimé.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>sb::ui::AmountEdit</name>
    <message>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::AutoRechargeDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un montant. Saisissez-le comme %2.</translation>
    </message>
    <message>
        <source>Whenever the balance of %1 is below %2, %3 moves from the company balance to the member, at most %4 each calendar month.</source>
        <translation>Chaque fois que le solde de %1 est inférieur à %2, %3 passe du solde de l’entreprise au membre, au plus %4 par mois civil.</translation>
    </message>
    <message>
        <source>The balance is %1 now, below the threshold: the recharge happens as soon as you save.</source>
        <translation>Le solde est de %1, sous le seuil&#xa0;: la recharge a lieu dès l’enregistrement.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1</source>
        <translation>Recharge automatique de %1</translation>
    </message>
    <message>
        <source>%1 (%2) has %3.</source>
        <translation>%1 (%2) dispose de %3.</translation>
    </message>
    <message>
        <source>Auto-recharge is off.</source>
        <translation>La recharge automatique est désactivée.</translation>
    </message>
    <message>
        <source>Auto-recharge is on. Recharged this month: %1 of %2.</source>
        <translation>La recharge automatique est activée. Rechargé ce mois-ci&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>The monthly recharge limit is reached: auto-recharge is suspended until %1.</source>
        <translation>La limite de recharge mensuelle est atteinte&#xa0;: la recharge automatique est suspendue jusqu’au %1.</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>État actuel</translation>
    </message>
    <message>
        <source>&amp;Recharge the account with (%1):</source>
        <translation>&amp;Recharger le compte de ce membre de (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;When the balance is below:</source>
        <translation>&amp;Lorsque son solde est inférieur à&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Monthly recharge limit:</source>
        <translation>Limite de recharge &amp;mensuelle&#xa0;:</translation>
    </message>
    <message>
        <source>Recharge amount</source>
        <translation>Montant de la recharge</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Monthly recharge limit</source>
        <translation>Limite de recharge mensuelle</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Ce qui va se passer</translation>
    </message>
    <message>
        <source>Save and enable</source>
        <translation>Enregistrer et activer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Turn off auto-recharge</source>
        <translation>Désactiver la recharge automatique</translation>
    </message>
</context>
<context>
    <name>sb::ui::BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>sb::ui::BundlesDialog</name>
    <message numerus="yes">
        <source>Each bundle gives %1 5000 minutes a month of calls to US mobiles and landlines, paid from the profile&apos;s own balance. It has %n channel(s): at most that many bundles.</source>
        <translation>
            <numerusform>Chaque forfait, payé sur le solde propre de %1, lui donne 5000 minutes d’appels par mois vers les mobiles et les fixes des États-Unis. Ce profil a %n canal&#xa0;: au plus autant de forfaits.</numerusform>
            <numerusform>Chaque forfait, payé sur le solde propre de %1, lui donne 5000 minutes d’appels par mois vers les mobiles et les fixes des États-Unis. Ce profil a %n canaux&#xa0;: au plus autant de forfaits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n bundle(s) at %2 each, %3 of %4 minutes used this period. The current bundles are cancelled and their unused minutes refunded to the profile&apos;s balance; the new count is bought at today&apos;s price.</source>
        <translation>
            <numerusform>%1 a %n forfait à %2 l’unité&#xa0;; %3 minutes utilisées sur %4 pendant cette période. Le forfait actuel est résilié et ses minutes non utilisées sont remboursées sur le solde du profil&#xa0;; le nouveau nombre de forfaits est acheté au prix du jour.</numerusform>
            <numerusform>%1 a %n forfaits à %2 l’unité&#xa0;; %3 minutes utilisées sur %4 pendant cette période. Les forfaits actuels sont résiliés et leurs minutes non utilisées sont remboursées sur le solde du profil&#xa0;; le nouveau nombre de forfaits est acheté au prix du jour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s): %1 a month, paid now; renewed on %2</source>
        <translation>
            <numerusform>%n forfait&#xa0;: %1 par mois, payé maintenant&#xa0;; renouvellement le %2</numerusform>
            <numerusform>%n forfaits&#xa0;: %1 par mois, payés maintenant&#xa0;; renouvellement le %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund for %1 unused minutes: %2. New cost: %3 a month.</source>
        <translation>Remboursement de %1 minutes non utilisées&#xa0;: %2. Nouveau coût&#xa0;: %3 par mois.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n bundle(s): choose another count.</source>
        <translation>
            <numerusform>%1 a déjà %n forfait&#xa0;: choisissez un autre nombre.</numerusform>
            <numerusform>%1 a déjà %n forfaits&#xa0;: choisissez un autre nombre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %3 for %n bundle(s). Allocate credit to the profile first.</source>
        <translation>
            <numerusform>Le solde de %1 (%2) ne peut pas payer %3 pour %n forfait. Attribuez d’abord du crédit au profil.</numerusform>
            <numerusform>Le solde de %1 (%2) ne peut pas payer %3 pour %n forfaits. Attribuez d’abord du crédit au profil.</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile balance: %1.</source>
        <translation>Solde du profil&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Profile balance: %1, after buying: %2.</source>
        <translation>Solde du profil&#xa0;: %1, après l’achat&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Add US minute bundles</source>
        <translation>Ajouter des forfaits de minutes vers les États-Unis</translation>
    </message>
    <message>
        <source>Change US minute bundles</source>
        <translation>Modifier les forfaits de minutes vers les États-Unis</translation>
    </message>
    <message>
        <source>&amp;Bundles (1–%1):</source>
        <translation>&amp;Forfaits (1–%1)&#xa0;:</translation>
    </message>
    <message>
        <source>Number of bundles</source>
        <translation>Nombre de forfaits</translation>
    </message>
    <message>
        <source>About the bundles</source>
        <translation>À propos des forfaits</translation>
    </message>
    <message>
        <source>Bu&amp;y now</source>
        <translation>&amp;Acheter maintenant</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>Acheter maintenant</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Advice: not enough call records yet (it needs a full month of calls).</source>
        <translation>Conseil&#xa0;: pas encore assez de relevés d’appels (il faut un mois complet d’appels).</translation>
    </message>
    <message>
        <source>Advice: no bundles; they would not have paid off.</source>
        <translation>Conseil&#xa0;: aucun forfait&#xa0;; ils n’auraient pas été rentables.</translation>
    </message>
    <message numerus="yes">
        <source>Advice: keep %n bundle(s)</source>
        <translation>
            <numerusform>Conseil&#xa0;: conserver %n forfait</numerusform>
            <numerusform>Conseil&#xa0;: conserver %n forfaits</numerusform>
        </translation>
    </message>
    <message>
        <source>Advice: no bundles, saves %1 a month</source>
        <translation>Conseil&#xa0;: aucun forfait, économie de %1 par mois</translation>
    </message>
    <message numerus="yes">
        <source>Advice: %n bundle(s), saves %1 a month</source>
        <translation>
            <numerusform>Conseil&#xa0;: %n forfait, économie de %1 par mois</numerusform>
            <numerusform>Conseil&#xa0;: %n forfaits, économie de %1 par mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From the US minutes of the last %n full month(s) with calls (%1 to %2) at today&apos;s prices.</source>
        <translation>
            <numerusform>D’après les minutes vers les États-Unis du dernier mois complet avec des appels (du %1 au %2), aux prix du jour.</numerusform>
            <numerusform>D’après les minutes vers les États-Unis des %n derniers mois complets avec des appels (du %1 au %2), aux prix du jour.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::BuyNumbersWizard</name>
    <message>
        <source>SIP profile %1</source>
        <translation>Profil SIP %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 is already in the list: each gets one number.</source>
        <translation>%1 figure déjà dans la liste&#xa0;: chacun reçoit un seul numéro.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One number for each of %n holder(s): %1</source>
        <translation>
            <numerusform>Un numéro pour %n titulaire&#xa0;: %1</numerusform>
            <numerusform>Un numéro pour chacun des %n titulaires&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept terms (for example a local address in %1). You will be asked to accept them before buying.</source>
        <translation>Pour les numéros de ce pays (%1), le titulaire doit accepter des conditions, par exemple une adresse locale (%1). Vous devrez les accepter avant l’achat.</translation>
    </message>
    <message>
        <source>Numbers in %1: no extra terms apply.</source>
        <translation>Numéros de ce pays (%1)&#xa0;: aucune condition supplémentaire ne s’applique.</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n mois&#xa0;: %1</numerusform>
            <numerusform>%n mois&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices per number: %1.</source>
        <translation>Prix par numéro&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 — %2: no numbers left</source>
        <translation>%1 — %2&#xa0;: plus aucun numéro</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: only %n number(s) left</source>
        <translation>
            <numerusform>%1 — %2&#xa0;: seulement %n numéro restant</numerusform>
            <numerusform>%1 — %2&#xa0;: seulement %n numéros restants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n number(s) available</source>
        <translation>
            <numerusform>%1 — %2&#xa0;: %n numéro disponible</numerusform>
            <numerusform>%1 — %2&#xa0;: %n numéros disponibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No area of %1 has %n number(s) left. Choose another country.</source>
        <translation>
            <numerusform>Aucun indicatif de ce pays (%1) n’a encore %n numéro disponible. Choisissez un autre pays.</numerusform>
            <numerusform>Aucun indicatif de ce pays (%1) n’a encore %n numéros disponibles. Choisissez un autre pays.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1 per number</source>
        <translation>
            <numerusform>%n mois&#xa0;: %1 par numéro</numerusform>
            <numerusform>%n mois&#xa0;: %1 par numéro</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%2 × %n number(s)), paid now from the company balance</source>
        <translation>
            <numerusform>Total&#xa0;: %1 (%2 × %n numéro), payé maintenant sur le solde de l’entreprise</numerusform>
            <numerusform>Total&#xa0;: %1 (%2 × %n numéros), payé maintenant sur le solde de l’entreprise</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after buying: %2.</source>
        <translation>Solde de l’entreprise&#xa0;: %1, après l’achat&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Solde de l’entreprise&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %2 for %n number(s). Top up the company balance first, or choose a shorter period.</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %2 pour %n numéro. Rechargez d’abord le solde ou choisissez une période plus courte.</numerusform>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %2 pour %n numéros. Rechargez d’abord le solde ou choisissez une période plus courte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Total&#xa0;: —</translation>
    </message>
    <message numerus="yes">
        <source>Each number renews every %n month(s) from the company balance until it is cancelled.</source>
        <translation>
            <numerusform>Chaque numéro est renouvelé par période de %n mois, payée sur le solde de l’entreprise, jusqu’à sa résiliation.</numerusform>
            <numerusform>Chaque numéro est renouvelé par période de %n mois, payée sur le solde de l’entreprise, jusqu’à sa résiliation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1 are offered only to holders who meet the local terms, for example a local address in %1, and who provide more details on request. The terms may change with local regulation; a holder who no longer meets them may lose the number.</source>
        <translation>Les numéros de ce pays (%1) ne sont proposés qu’aux titulaires qui remplissent les conditions locales, par exemple une adresse locale (%1), et qui fournissent des informations supplémentaires sur demande. Les conditions peuvent changer selon la réglementation locale&#xa0;; un titulaire qui ne les remplit plus peut perdre le numéro.</translation>
    </message>
    <message>
        <source>The holders accept the terms for numbers in %1</source>
        <translation>Les titulaires acceptent les conditions des numéros de ce pays (%1)</translation>
    </message>
    <message>
        <source>Buy numbers</source>
        <translation>Acheter des numéros</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>Acheter maintenant</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Who gets a number?</source>
        <translation>Qui reçoit un numéro&#xa0;?</translation>
    </message>
    <message>
        <source>One number for each member or SIP profile in the list.</source>
        <translation>Un numéro pour chaque membre ou profil SIP de la liste.</translation>
    </message>
    <message>
        <source>Type an account name or a SIP profile name and choose it from the list, or press Enter to add it.</source>
        <translation>Saisissez un nom de compte ou le nom d’un profil SIP et choisissez-le dans la liste, ou appuyez sur Entrée pour l’ajouter.</translation>
    </message>
    <message>
        <source>&amp;Holder is a:</source>
        <translation>&amp;Type de titulaire&#xa0;:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>Profil SIP</translation>
    </message>
    <message>
        <source>Holder is a member or a SIP profile</source>
        <translation>Le titulaire est un membre ou un profil SIP</translation>
    </message>
    <message>
        <source>&amp;SIP profile:</source>
        <translation>&amp;Profil SIP&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nom de &amp;compte&#xa0;:</translation>
    </message>
    <message>
        <source>Start typing a SIP profile name</source>
        <translation>Commencez à saisir le nom d’un profil SIP</translation>
    </message>
    <message>
        <source>Start typing an account name</source>
        <translation>Commencez à saisir un nom de compte</translation>
    </message>
    <message>
        <source>SIP profile name</source>
        <translation>Nom du profil SIP</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom de compte</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Ajouter à la liste</translation>
    </message>
    <message>
        <source>Who gets a number</source>
        <translation>Qui reçoit un numéro</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Retirer de la liste</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Where the numbers are.</source>
        <translation>Le pays des numéros.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>Pa&amp;ys&#xa0;:</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Indicatif régional</translation>
    </message>
    <message>
        <source>The area code of the numbers, with its place.</source>
        <translation>L’indicatif régional des numéros, avec sa localité.</translation>
    </message>
    <message>
        <source>Billing period</source>
        <translation>Période de facturation</translation>
    </message>
    <message>
        <source>How often each number is paid.</source>
        <translation>La fréquence de paiement de chaque numéro.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Solde de l’entreprise</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renouvellement</translation>
    </message>
    <message>
        <source>The holders must accept the terms before the numbers can be bought.</source>
        <translation>Les titulaires doivent accepter les conditions avant que les numéros puissent être achetés.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Buy and pay %1</source>
        <translation>Acheter et payer %1</translation>
    </message>
    <message numerus="yes">
        <source>Buying %n number(s) in %1, %2, billed every %3: %4 in all, paid now from the company balance (%5).</source>
        <translation>
            <numerusform>Achat de %n numéro à %1, %2, facturé par période de %3&#xa0;; total&#xa0;: %4, prélevé maintenant sur le solde de l’entreprise (%5).</numerusform>
            <numerusform>Achat de %n numéros à %1, %2, facturés par période de %3&#xa0;; total&#xa0;: %4, prélevé maintenant sur le solde de l’entreprise (%5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::CallsPage</name>
    <message>
        <source>All SIP profiles</source>
        <translation>Tous les profils SIP</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Tous les services</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) · %1 billed min. · %2 bundle min. · %3</source>
        <translation>
            <numerusform>%Ln appel · %1 min facturées · %2 min de forfait · %3</numerusform>
            <numerusform>%Ln appels · %1 min facturées · %2 min de forfait · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The calls cannot be shown: %1</source>
        <translation>Les appels ne peuvent pas être affichés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Import call records</source>
        <translation>Importer des relevés d’appels</translation>
    </message>
    <message>
        <source>Call records (*.csv *.log);;All files (*)</source>
        <translation>Relevés d’appels (*.csv *.log);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>The import of %1 was cancelled; nothing was changed.</source>
        <translation>L’importation de %1 a été annulée&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>Rien n’a été importé de %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln call(s) from %1 (%2 already there); charged %3.</source>
        <translation>
            <numerusform>%Ln appel importé de %1 (déjà présents&#xa0;: %2)&#xa0;; %3 débité.</numerusform>
            <numerusform>%Ln appels importés de %1 (déjà présents&#xa0;: %2)&#xa0;; %3 débité.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) could not be read and were skipped:</source>
        <translation>
            <numerusform>%Ln ligne n’a pas pu être lue et a été ignorée&#xa0;:</numerusform>
            <numerusform>%Ln lignes n’ont pas pu être lues et ont été ignorées&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more)</source>
        <translation>
            <numerusform>(et %Ln autre)</numerusform>
            <numerusform>(et %Ln autres)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; (%Ln record(s), first on line %2)</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» (%Ln relevé, ligne %2)</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» (%Ln relevés, le premier à la ligne %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) name no member account and no SIP profile and were not imported:</source>
        <translation>
            <numerusform>%Ln relevé ne désigne aucun compte de membre ni aucun profil SIP et n’a pas été importé&#xa0;:</numerusform>
            <numerusform>%Ln relevés ne désignent aucun compte de membre ni aucun profil SIP et n’ont pas été importés&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more code(s))</source>
        <translation>
            <numerusform>(et %Ln autre code)</numerusform>
            <numerusform>(et %Ln autres codes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) were kept without a charge: no rate for their destination, the first on line %1 (%2).</source>
        <translation>
            <numerusform>%Ln appel a été conservé sans être facturé&#xa0;: aucun tarif pour sa destination, ligne %1 (%2).</numerusform>
            <numerusform>%Ln appels ont été conservés sans être facturés&#xa0;: aucun tarif pour leur destination, le premier à la ligne %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payer(s) now owe %1 together: their balances went below zero.</source>
        <translation>
            <numerusform>%Ln payeur doit maintenant %1&#xa0;: son solde est passé sous zéro.</numerusform>
            <numerusform>%Ln payeurs doivent maintenant %1 au total&#xa0;: leurs soldes sont passés sous zéro.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from %1 with problems.</source>
        <translation>Importé de %1 avec des problèmes.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Exporter les appels</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportation vers %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln call(s) to %1.</source>
        <translation>
            <numerusform>%Ln appel exporté vers %1.</numerusform>
            <numerusform>%Ln appels exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Appels et rapports</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Search by number (Ctrl+F)</source>
        <translation>Rechercher par numéro (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search calls by number</source>
        <translation>Rechercher des appels par numéro</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>Pr&amp;ofil&#xa0;:</translation>
    </message>
    <message>
        <source>M&amp;ember:</source>
        <translation>Mem&amp;bre&#xa0;:</translation>
    </message>
    <message>
        <source>Any account</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Member account</source>
        <translation>Compte du membre</translation>
    </message>
    <message>
        <source>Paid by the SIP profile</source>
        <translation>Payé par le profil SIP</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Service&#xa0;:</translation>
    </message>
    <message>
        <source>Paid by the department</source>
        <translation>Payé par le service</translation>
    </message>
    <message>
        <source>From the day</source>
        <translation>À partir du jour</translation>
    </message>
    <message>
        <source>To the day (included)</source>
        <translation>Jusqu’au jour (inclus)</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>A&amp;u&#xa0;:</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Toute date</translation>
    </message>
    <message>
        <source>&amp;Import call records…</source>
        <translation>&amp;Importer des relevés d’appels…</translation>
    </message>
    <message>
        <source>Import a PBX&apos;s call records (Asterisk Master.csv or FreeSWITCH CSV), rate and charge them</source>
        <translation>Importer les relevés d’appels d’un PBX (Master.csv d’Asterisk ou CSV de FreeSWITCH), les tarifer et les facturer</translation>
    </message>
    <message>
        <source>E&amp;xport calls…</source>
        <translation>E&amp;xporter les appels…</translation>
    </message>
    <message>
        <source>Export the calls the filters show to a CSV file</source>
        <translation>Exporter dans un fichier CSV les appels affichés par les filtres</translation>
    </message>
    <message>
        <source>Monthly &amp;statement…</source>
        <translation>&amp;Relevé de compte mensuel…</translation>
    </message>
    <message>
        <source>A month&apos;s balances, spending, top-ups and allocations as PDF or CSV, or printed</source>
        <translation>Les soldes, dépenses, rechargements et attributions d’un mois en PDF ou en CSV, ou imprimés</translation>
    </message>
    <message>
        <source>More than %1 calls match · type more of the number for their totals</source>
        <translation>Plus de %1 appels correspondent · saisissez davantage de chiffres du numéro pour voir leurs totaux</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Aucun appel pour l’instant</translation>
    </message>
    <message>
        <source>Import the call records of the PBX (Asterisk Master.csv or FreeSWITCH CSV): each call is rated and charged to its member or SIP profile.</source>
        <translation>Importez les relevés d’appels du PBX (Master.csv d’Asterisk ou CSV de FreeSWITCH)&#xa0;: chaque appel est tarifé et facturé au membre ou au profil SIP concerné.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ChangeChannelsDialog</name>
    <message numerus="yes">
        <source>%1 has %n channel(s), not paid since %2: outgoing calls are stopped.</source>
        <translation>
            <numerusform>%1 a %n canal, impayé depuis le %2&#xa0;: les appels sortants sont interrompus.</numerusform>
            <numerusform>%1 a %n canaux, impayés depuis le %2&#xa0;: les appels sortants sont interrompus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n channel(s) (%2 a month), paid until %3.</source>
        <translation>
            <numerusform>%1 a %n canal (%2 par mois), payé jusqu’au %3.</numerusform>
            <numerusform>%1 a %n canaux (%2 par mois), payés jusqu’au %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month</source>
        <translation>
            <numerusform>%n canal&#xa0;: %1 par mois</numerusform>
            <numerusform>%n canaux&#xa0;: %1 par mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %2 for %n channel(s).</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %2 pour %n canal.</numerusform>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %2 pour %n canaux.</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after the change: %2.</source>
        <translation>Solde de l’entreprise&#xa0;: %1, après la modification&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Solde de l’entreprise&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Change to %n channel(s)</source>
        <translation>
            <numerusform>Passer à %n canal</numerusform>
            <numerusform>Passer à %n canaux</numerusform>
        </translation>
    </message>
    <message>
        <source>Change channels</source>
        <translation>Modifier les canaux</translation>
    </message>
    <message>
        <source>&amp;Channels (simultaneous calls, %1–%2):</source>
        <translation>&amp;Canaux (appels simultanés, %1–%2)&#xa0;:</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Current channels</source>
        <translation>Canaux actuels</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Ce qui se passe</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Solde de l’entreprise</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Advice: no call records yet to size the channels by.</source>
        <translation>Conseil&#xa0;: aucun relevé d’appels pour l’instant pour dimensionner les canaux.</translation>
    </message>
    <message numerus="yes">
        <source>Advice: %n channel(s) for the busiest hour (%1 erlangs at 1% blocking)</source>
        <translation>
            <numerusform>Conseil&#xa0;: %n canal pour l’heure la plus chargée (%1 erlangs à 1&#xa0;% de blocage)</numerusform>
            <numerusform>Conseil&#xa0;: %n canaux pour l’heure la plus chargée (%1 erlangs à 1&#xa0;% de blocage)</numerusform>
        </translation>
    </message>
    <message>
        <source>The busiest hour of its calls so far began %1.</source>
        <translation>L’heure la plus chargée de ses appels jusqu’ici a commencé le %1.</translation>
    </message>
    <message>
        <source>The current channel subscription ends now: its unused days, %1, go back to the company balance. The new one starts today: %2 is paid now, %3 in all, and it renews on %4.</source>
        <translation>L’abonnement actuel aux canaux prend fin maintenant&#xa0;: ses jours non utilisés, %1, reviennent au solde de l’entreprise. Le nouvel abonnement commence aujourd’hui&#xa0;: %2 est payé maintenant, %3 au total, et il se renouvelle le %4.</translation>
    </message>
    <message>
        <source>The current channel subscription ends now (no days of it are left unused). The new one starts today: %1 is paid now from the company balance, and it renews on %2.</source>
        <translation>L’abonnement actuel aux canaux prend fin maintenant (il n’en reste aucun jour non utilisé). Le nouvel abonnement commence aujourd’hui&#xa0;: %1 est payé maintenant depuis le solde de l’entreprise, et il se renouvelle le %2.</translation>
    </message>
</context>
<context>
    <name>sb::ui::CountryCombo</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>sb::ui::CreateSipProfileWizard</name>
    <message>
        <source>Enter the public IPv4 address of the PBX&apos;s internet connection.</source>
        <translation>Saisissez l’adresse IPv4 publique de la connexion Internet du PBX.</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month, the first month paid now from the company balance</source>
        <translation>
            <numerusform>%n canal&#xa0;: %1 par mois, le premier mois payé maintenant sur le solde de l’entreprise</numerusform>
            <numerusform>%n canaux&#xa0;: %1 par mois, le premier mois payé maintenant sur le solde de l’entreprise</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after creating: %2.</source>
        <translation>Solde de l’entreprise&#xa0;: %1, après la création&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Solde de l’entreprise&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). Top up the company balance first, or choose fewer channels.</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %n canal pour le premier mois (%2). Rechargez d’abord le solde ou choisissez moins de canaux.</numerusform>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %n canaux pour le premier mois (%2). Rechargez d’abord le solde ou choisissez moins de canaux.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The SIP profile %1 is ready: %n channel(s), paid until %2 (%3). Set up the PBX with these details.</source>
        <translation>
            <numerusform>Le profil SIP %1 est prêt&#xa0;: %n canal, payé jusqu’au %2 (%3). Configurez le PBX avec ces informations.</numerusform>
            <numerusform>Le profil SIP %1 est prêt&#xa0;: %n canaux, payés jusqu’au %2 (%3). Configurez le PBX avec ces informations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Provider SIP servers: %1</source>
        <translation>Serveurs SIP du fournisseur&#xa0;: %1</translation>
    </message>
    <message>
        <source>SIP username: %1</source>
        <translation>Nom d’utilisateur SIP&#xa0;: %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1, UDP port %2</source>
        <translation>%1, port UDP %2</translation>
    </message>
    <message>
        <source>Keep the password safe. You can show it again at any time on the SIP profiles page.</source>
        <translation>Conservez le mot de passe en lieu sûr. Vous pouvez l’afficher à nouveau à tout moment sur la page Profils SIP.</translation>
    </message>
    <message>
        <source>The provider accepts calls from this address without registration.</source>
        <translation>Le fournisseur accepte les appels provenant de cette adresse sans enregistrement.</translation>
    </message>
    <message>
        <source>Create SIP profile</source>
        <translation>Créer un profil SIP</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>&amp;Créer le profil</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>A SIP profile is one SIP trunk for a PBX, with its own credit and channels.</source>
        <translation>Un profil SIP est un trunk SIP pour un PBX, avec son propre crédit et ses propres canaux.</translation>
    </message>
    <message>
        <source>Choose a name that says whose PBX it is, for example the department or the office. The name can be changed later.</source>
        <translation>Choisissez un nom qui indique à qui appartient le PBX, par exemple le service ou le bureau. Le nom pourra être modifié plus tard.</translation>
    </message>
    <message>
        <source>&amp;Profile name:</source>
        <translation>Nom du &amp;profil&#xa0;:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <source>Sales Oslo</source>
        <translation>Ventes Oslo</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>Ser&amp;vice&#xa0;:</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>optional: who looks after the PBX</source>
        <translation>facultatif&#xa0;: qui s’occupe du PBX</translation>
    </message>
    <message>
        <source>Authentication and channels</source>
        <translation>Authentification et canaux</translation>
    </message>
    <message>
        <source>How the PBX proves who it is, and how many calls it may make at once.</source>
        <translation>Comment le PBX prouve son identité, et combien d’appels il peut passer en même temps.</translation>
    </message>
    <message>
        <source>&amp;Registration (recommended)</source>
        <translation>&amp;Enregistrement (recommandé)</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>The profile gets a SIP username and a strong generated password; the PBX registers with them. You can show the credentials again at any time.</source>
        <translation>Le profil reçoit un nom d’utilisateur SIP et un mot de passe fort généré&#xa0;; le PBX s’enregistre avec ces identifiants. Vous pouvez afficher à nouveau les identifiants à tout moment.</translation>
    </message>
    <message>
        <source>&amp;IP authentication, for a PBX that cannot register</source>
        <translation>Authentification par &amp;IP, pour un PBX qui ne peut pas s’enregistrer</translation>
    </message>
    <message>
        <source>IP authentication</source>
        <translation>Authentification par IP</translation>
    </message>
    <message>
        <source>Public IPv4 &amp;address:</source>
        <translation>&amp;Adresse IPv4 publique&#xa0;:</translation>
    </message>
    <message>
        <source>Public IPv4 address of the PBX</source>
        <translation>Adresse IPv4 publique du PBX</translation>
    </message>
    <message>
        <source>UDP &amp;port:</source>
        <translation>Port U&amp;DP&#xa0;:</translation>
    </message>
    <message>
        <source>UDP port</source>
        <translation>Port UDP</translation>
    </message>
    <message>
        <source>Address check</source>
        <translation>Vérification de l’adresse</translation>
    </message>
    <message>
        <source>C&amp;hannels (simultaneous calls, %1–%2):</source>
        <translation>Ca&amp;naux (appels simultanés, %1–%2)&#xa0;:</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Solde de l’entreprise</translation>
    </message>
    <message>
        <source>What the PBX needs</source>
        <translation>Ce dont le PBX a besoin</translation>
    </message>
    <message>
        <source>The profile is created.</source>
        <translation>Le profil est créé.</translation>
    </message>
    <message>
        <source>Provider SIP servers:</source>
        <translation>Serveurs SIP du fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nom d’utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Allowed IP:</source>
        <translation>IP autorisée&#xa0;:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>Pa&amp;ys&#xa0;:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Numbers the PBX&apos;s calls dial are read as dialled in this country (its national forms and international prefix).</source>
        <translation>Les numéros composés par le PBX sont interprétés comme s’ils l’étaient dans ce pays (selon ses formats nationaux et son préfixe international).</translation>
    </message>
    <message>
        <source>The credentials went to %1.</source>
        <translation>Les identifiants ont été envoyés à %1.</translation>
    </message>
    <message>
        <source>The credentials were not e-mailed: %1 The profile is ready; send them again from its details.</source>
        <translation>Les identifiants n’ont pas été envoyés par e-mail&#xa0;: %1 Le profil est prêt&#xa0;; renvoyez-les depuis ses détails.</translation>
    </message>
    <message>
        <source>No mail server is set in Settings, so the credentials were not e-mailed to %1.</source>
        <translation>Aucun serveur de messagerie n’est configuré dans les Paramètres&#xa0;; les identifiants n’ont donc pas été envoyés par e-mail à %1.</translation>
    </message>
    <message>
        <source>Sending the credentials to %1…</source>
        <translation>Envoi des identifiants à %1…</translation>
    </message>
    <message>
        <source>&amp;Create and pay %1</source>
        <translation>&amp;Créer et payer %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::DashboardCharts</name>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Spending per month (%1)</source>
        <translation>Dépenses par mois (%1)</translation>
    </message>
    <message>
        <source>US bundle minutes this period</source>
        <translation>Minutes des forfaits É.-U. sur cette période</translation>
    </message>
    <message>
        <source>Most calls at once per day</source>
        <translation>Appels simultanés maximum par jour</translation>
    </message>
    <message>
        <source>Company balance (%1)</source>
        <translation>Solde de l’entreprise (%1)</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Par service</translation>
    </message>
    <message>
        <source>Spending by department</source>
        <translation>Dépenses par service</translation>
    </message>
    <message>
        <source>Stack the spending by department instead of by kind</source>
        <translation>Empiler les dépenses par service plutôt que par type</translation>
    </message>
    <message>
        <source>SIP profile of the calls chart</source>
        <translation>Profil SIP du graphique des appels</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>The charts could not be read: %1</source>
        <translation>Impossible de lire les graphiques&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing spent in the last twelve months. Buy numbers or channels, or import calls, and the spending shows here.</source>
        <translation>Aucune dépense au cours des douze derniers mois. Achetez des numéros ou des canaux, ou importez des appels, et les dépenses s’afficheront ici.</translation>
    </message>
    <message>
        <source>The charts could not be read.</source>
        <translation>Impossible de lire les graphiques.</translation>
    </message>
    <message>
        <source>No SIP profile has US minute bundles. Bundles are bought in a profile&apos;s Bundles dialog.</source>
        <translation>Aucun profil SIP n’a de forfait de minutes vers les États-Unis. Les forfaits s’achètent dans la boîte de dialogue Forfaits d’un profil.</translation>
    </message>
    <message>
        <source>No SIP profiles yet: create one on the SIP profiles page, then import its calls.</source>
        <translation>Aucun profil SIP pour l’instant&#xa0;: créez-en un sur la page Profils SIP, puis importez ses appels.</translation>
    </message>
    <message>
        <source>%1 made no calls in the last %2 days.</source>
        <translation>%1 n’a passé aucun appel au cours des %2 derniers jours.</translation>
    </message>
    <message>
        <source>The company balance has not moved yet: top it up to start.</source>
        <translation>Le solde de l’entreprise n’a pas encore bougé&#xa0;: rechargez-le pour commencer.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1&#xa0;%2</translation>
    </message>
    <message>
        <source>%1: nothing spent.</source>
        <translation>%1&#xa0;: aucune dépense.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 Twelve months: %2.</source>
        <translation>%1 Sur douze mois&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 minutes used</source>
        <translation>%1&#xa0;: %2 minutes utilisées sur %3</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>%1 (channels: %2): at most %3 calls at once, on %4; all channels busy on %5 of %6 days.</source>
        <translation>%1 (canaux&#xa0;: %2)&#xa0;: au plus %3 appels simultanés, le %4&#xa0;; tous les canaux occupés %5 jours sur %6.</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 at the start, %4 now; lowest %5, highest %6.</source>
        <translation>Du %1 au %2&#xa0;: %3 au début, %4 maintenant&#xa0;; au plus bas %5, au plus haut %6.</translation>
    </message>
</context>
<context>
    <name>sb::ui::DashboardPage</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Rien ne s’est encore passé.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Solde de l’entreprise</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Credit held by members</source>
        <translation>Crédit détenu par les membres</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Activité récente</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>%1 (owed: %2)</source>
        <translation>%1 (dû&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Put money on the company balance: everything is paid from it.</source>
        <translation>Approvisionnez le solde de l’entreprise&#xa0;: tout est payé à partir de celui-ci.</translation>
    </message>
    <message>
        <source>Add the people who call, one by one or imported from a file.</source>
        <translation>Ajoutez les personnes qui appellent, une par une ou importées depuis un fichier.</translation>
    </message>
    <message>
        <source>Create a SIP profile for each PBX or office line, with its channels.</source>
        <translation>Créez un profil SIP pour chaque PBX ou ligne du bureau, avec ses canaux.</translation>
    </message>
    <message>
        <source>Buy phone numbers for members and SIP profiles.</source>
        <translation>Achetez des numéros de téléphone pour les membres et les profils SIP.</translation>
    </message>
    <message>
        <source>Import the PBX&apos;s call records to charge the calls.</source>
        <translation>Importez les relevés d’appels du PBX pour facturer les appels.</translation>
    </message>
    <message>
        <source>&amp;What needs you today</source>
        <translation>À &amp;traiter aujourd’hui</translation>
    </message>
    <message>
        <source>What needs you today</source>
        <translation>À traiter aujourd’hui</translation>
    </message>
    <message>
        <source>Press Enter on an entry to open the page it speaks of.</source>
        <translation>Appuyez sur Entrée sur un élément pour ouvrir la page qui le concerne.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the page it speaks of.</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir la page concernée.</translation>
    </message>
    <message>
        <source>Nothing needs you today.</source>
        <translation>Rien à traiter aujourd’hui.</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <source>The account is empty. Top up the company balance, add the members and the SIP profiles they call through, buy numbers, then import the PBX&apos;s call records.</source>
        <translation>Le compte est vide. Rechargez le solde de l’entreprise, ajoutez les membres et les profils SIP par lesquels ils appellent, achetez des numéros, puis importez les relevés d’appels du PBX.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Owed by members: %1</source>
        <translation>Dû par les membres&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::DeleteSipProfileDialog</name>
    <message numerus="yes">
        <source>Exported %Ln call(s) to %1.</source>
        <translation>
            <numerusform>%Ln appel exporté vers %1.</numerusform>
            <numerusform>%Ln appels exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete SIP profile</source>
        <translation>Supprimer le profil SIP</translation>
    </message>
    <message>
        <source>Delete the SIP profile %1? This happens:</source>
        <translation>Supprimer le profil SIP %1&#xa0;? Voici ce qui se passera&#xa0;:</translation>
    </message>
    <message>
        <source>• Its credit of %1 returns to the company balance (%2 → %3).</source>
        <translation>• Son crédit de %1 retourne au solde de l’entreprise (%2 → %3).</translation>
    </message>
    <message>
        <source>• It has no credit left to return to the company balance.</source>
        <translation>• Il ne lui reste aucun crédit à rendre au solde de l’entreprise.</translation>
    </message>
    <message>
        <source>• It holds no numbers.</source>
        <translation>• Il ne détient aucun numéro.</translation>
    </message>
    <message numerus="yes">
        <source>• %n number(s) return to the company&apos;s pool and can be reassigned (they stay paid and renew until cancelled): %1.</source>
        <translation>
            <numerusform>• %n numéro retourne dans la réserve de l’entreprise et peut être réattribué (il reste payé et se renouvelle jusqu’à sa résiliation)&#xa0;: %1.</numerusform>
            <numerusform>• %n numéros retournent dans la réserve de l’entreprise et peuvent être réattribués (ils restent payés et se renouvellent jusqu’à leur résiliation)&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>• No account is linked to it.</source>
        <translation>• Aucun compte ne lui est lié.</translation>
    </message>
    <message numerus="yes">
        <source>• %n account(s) are unlinked and can sign in again: %1.</source>
        <translation>
            <numerusform>• %n compte est dissocié et peut de nouveau se connecter&#xa0;: %1.</numerusform>
            <numerusform>• %n comptes sont dissociés et peuvent de nouveau se connecter&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• Its call history is deleted: %Ln call(s).</source>
        <translation>
            <numerusform>• Son historique des appels est supprimé&#xa0;: %Ln appel.</numerusform>
            <numerusform>• Son historique des appels est supprimé&#xa0;: %Ln appels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• Its %n channel(s), paid until %1, end now; there is no refund for them.</source>
        <translation>
            <numerusform>• Le profil a %n canal, payé jusqu’au %1&#xa0;: il prend fin maintenant, sans remboursement.</numerusform>
            <numerusform>• Le profil a %n canaux, payés jusqu’au %1&#xa0;: ils prennent fin maintenant, sans remboursement.</numerusform>
        </translation>
    </message>
    <message>
        <source>Consequences</source>
        <translation>Conséquences</translation>
    </message>
    <message>
        <source>&amp;Export call history first…</source>
        <translation>&amp;Exporter d’abord l’historique des appels…</translation>
    </message>
    <message>
        <source>Export call history first</source>
        <translation>Exporter d’abord l’historique des appels</translation>
    </message>
    <message numerus="yes">
        <source>Save the profile&apos;s %Ln call(s) to a CSV file before they are deleted</source>
        <translation>
            <numerusform>Enregistrer %Ln appel du profil dans un fichier CSV avant sa suppression</numerusform>
            <numerusform>Enregistrer les %Ln appels du profil dans un fichier CSV avant leur suppression</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>&amp;Delete SIP profile</source>
        <translation>&amp;Supprimer le profil SIP</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>sb::ui::EmptyState</name>
    <message>
        <source>Nothing matches the filters</source>
        <translation>Aucun résultat pour ces filtres</translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation>Aucun résultat pour «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Check the spelling, or clear the search and the filters to see everything.</source>
        <translation>Vérifiez l’orthographe, ou effacez la recherche et les filtres pour tout afficher.</translation>
    </message>
</context>
<context>
    <name>sb::ui::HintLabel</name>
    <message>
        <source>Problem: %1</source>
        <translation>Problème&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::HolderCompleter</name>
    <message>
        <source>%1 — %2 (member)</source>
        <translation>%1 — %2 (membre)</translation>
    </message>
    <message>
        <source>%1 — %2 (member, linked to %3)</source>
        <translation>%1 — %2 (membre, lié à %3)</translation>
    </message>
    <message>
        <source>%1 (SIP profile)</source>
        <translation>%1 (profil SIP)</translation>
    </message>
</context>
<context>
    <name>sb::ui::ImportCallsDialog</name>
    <message>
        <source>Import call records</source>
        <translation>Importer des relevés d’appels</translation>
    </message>
    <message>
        <source>Import the calls of %1, rate them and charge their payers.</source>
        <translation>Importer les appels de %1, les tarifer et débiter leurs payeurs.</translation>
    </message>
    <message>
        <source>Found from the file</source>
        <translation>Déterminé d’après le fichier</translation>
    </message>
    <message>
        <source>Asterisk (Master.csv)</source>
        <translation>Asterisk (Master.csv)</translation>
    </message>
    <message>
        <source>FreeSWITCH (mod_cdr_csv)</source>
        <translation>FreeSWITCH (mod_cdr_csv)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Time zone of the file&apos;s times</source>
        <translation>Fuseau horaire des heures du fichier</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Times are in:</source>
        <translation>Fuseau &amp;horaire&#xa0;:</translation>
    </message>
    <message>
        <source>PBXs usually log UTC; choose the PBX&apos;s time zone if it logs local time.</source>
        <translation>Les PBX enregistrent généralement les heures en UTC&#xa0;; choisissez le fuseau horaire du PBX s’il enregistre l’heure locale.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>sb::ui::ImportMembersDialog</name>
    <message>
        <source>%1 cannot be imported.</source>
        <translation>%1 ne peut pas être importé.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s) found. Nothing will be imported until every line is right; fix the file and import it again.</source>
        <translation>
            <numerusform>%1&#xa0;: %n problème trouvé. Rien ne sera importé tant que chaque ligne n’est pas correcte&#xa0;; corrigez le fichier et importez-le à nouveau.</numerusform>
            <numerusform>%1&#xa0;: %n problèmes trouvés. Rien ne sera importé tant que chaque ligne n’est pas correcte&#xa0;; corrigez le fichier et importez-le à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lists no members to import.</source>
        <translation>%1 ne contient aucun membre à importer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is ready: %n member(s) can be imported.</source>
        <translation>
            <numerusform>%1 est prêt&#xa0;: %n membre peut être importé.</numerusform>
            <numerusform>%1 est prêt&#xa0;: %n membres peuvent être importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>Importer %n membre</numerusform>
            <numerusform>Importer %n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Problems by line</source>
        <translation>Problèmes par ligne</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>sb::ui::LinkAccountDialog</name>
    <message>
        <source>Link an account</source>
        <translation>Lier un compte</translation>
    </message>
    <message>
        <source>Calls to the account, and to the numbers assigned to it, go to the PBX of the SIP profile %1 — to the extension, if you give one.</source>
        <translation>Les appels vers le compte et vers les numéros qui lui sont attribués sont acheminés vers le PBX du profil SIP %1 — vers le poste, si vous en indiquez un.</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nom de &amp;compte&#xa0;:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom de compte</translation>
    </message>
    <message>
        <source>Start typing an account name</source>
        <translation>Commencez à saisir un nom de compte</translation>
    </message>
    <message>
        <source>&amp;Extension:</source>
        <translation>&amp;Poste&#xa0;:</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>optional, digits only</source>
        <translation>facultatif, chiffres uniquement</translation>
    </message>
    <message>
        <source>While the account is linked it cannot be used to sign in. An account can be linked to one SIP profile only; unlinking restores sign-in.</source>
        <translation>Tant que le compte est lié, il ne peut pas servir à se connecter. Un compte ne peut être lié qu’à un seul profil SIP&#xa0;; la dissociation rétablit la connexion.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Lier</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>sb::ui::MailServerBox</name>
    <message>
        <source>The server accepted the test message for %1. If it does not arrive, look in the spam folder.</source>
        <translation>Le serveur a accepté le message de test pour %1. S’il n’arrive pas, regardez dans le dossier des courriers indésirables.</translation>
    </message>
    <message>
        <source>Test message sent to %1.</source>
        <translation>Message de test envoyé à %1.</translation>
    </message>
    <message>
        <source>Type the mail server&apos;s name, such as %1.</source>
        <translation>Saisissez le nom du serveur de messagerie, par exemple %1.</translation>
    </message>
    <message>
        <source>Type the password of %1.</source>
        <translation>Saisissez le mot de passe de %1.</translation>
    </message>
    <message>
        <source>Sends a short message through the server as typed here, before it is saved.</source>
        <translation>Envoie un court message par le serveur tel qu’il est saisi ici, avant son enregistrement.</translation>
    </message>
    <message>
        <source>Sends a short message through this server.</source>
        <translation>Envoie un court message par ce serveur.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>sans authentification</translation>
    </message>
    <message>
        <source>Saved. Credentials and test messages go through %1.</source>
        <translation>Enregistré. Les identifiants et les messages de test passent par %1.</translation>
    </message>
    <message>
        <source>The mail server is now %1, port %2.</source>
        <translation>Le serveur de messagerie est désormais %1, port %2.</translation>
    </message>
    <message>
        <source>No mail server is set: credentials are no longer sent by e-mail.</source>
        <translation>Aucun serveur de messagerie n’est configuré&#xa0;: les identifiants ne sont plus envoyés par e-mail.</translation>
    </message>
    <message>
        <source>The mail server was removed.</source>
        <translation>Le serveur de messagerie a été supprimé.</translation>
    </message>
    <message>
        <source>Sending a test message to %1 through %2…</source>
        <translation>Envoi d’un message de test à %1 par %2…</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <source>New SIP profiles&apos; credentials are sent by e-mail through this server. It is kept in the database, for every admin and switchboardctl.</source>
        <translation>Les identifiants des nouveaux profils SIP sont envoyés par e-mail via ce serveur. Il est conservé dans la base de données, pour tous les administrateurs et pour switchboardctl.</translation>
    </message>
    <message>
        <source>Mail s&amp;erver:</source>
        <translation>Ser&amp;veur de messagerie&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <source>Mail server port</source>
        <translation>Port du serveur de messagerie</translation>
    </message>
    <message>
        <source>Secu&amp;rity:</source>
        <translation>Sécu&amp;rité&#xa0;:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (généralement le port 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (généralement le port 465)</translation>
    </message>
    <message>
        <source>None (only a server on this computer)</source>
        <translation>Aucune (uniquement pour un serveur sur cet ordinateur)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Mail user</source>
        <translation>Utilisateur du serveur de messagerie</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>vide&#xa0;: sans authentification</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse&#xa0;:</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>Mot de passe du serveur de messagerie</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Expéditeur&#xa0;:</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Adresse d’expéditeur</translation>
    </message>
    <message>
        <source>Save mail server</source>
        <translation>Enregistrer le serveur</translation>
    </message>
    <message>
        <source>Save the mail server</source>
        <translation>Enregistrer le serveur de messagerie</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the mail server</source>
        <translation>Supprimer le serveur de messagerie</translation>
    </message>
    <message>
        <source>&amp;Test to:</source>
        <translation>Adresse de &amp;test&#xa0;:</translation>
    </message>
    <message>
        <source>Test message address</source>
        <translation>Adresse du message de test</translation>
    </message>
    <message>
        <source>your e-mail address</source>
        <translation>votre adresse e-mail</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Envoyer un message de test</translation>
    </message>
</context>
<context>
    <name>sb::ui::MainWindow</name>
    <message>
        <source>About Switchboard</source>
        <translation>À propos de Switchboard</translation>
    </message>
    <message>
        <source>Company balance: %1</source>
        <translation>Solde de l’entreprise&#xa0;: %1</translation>
    </message>
    <message>
        <source>Company balance: unknown (%1)</source>
        <translation>Solde de l’entreprise&#xa0;: inconnu (%1)</translation>
    </message>
    <message>
        <source>Billing could not run: %1</source>
        <translation>La facturation n’a pas pu s’exécuter&#xa0;: %1</translation>
    </message>
    <message>
        <source>Billing: %1</source>
        <translation>Facturation&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Billing: %n monthly recharge limit(s) started afresh.</source>
        <translation>
            <numerusform>Facturation&#xa0;: %n limite de recharge mensuelle remise à zéro.</numerusform>
            <numerusform>Facturation&#xa0;: %n limites de recharge mensuelles remises à zéro.</numerusform>
        </translation>
    </message>
    <message>
        <source>Billing: nothing was due.</source>
        <translation>Facturation&#xa0;: rien n’était dû.</translation>
    </message>
    <message>
        <source>Topped up %1. Company balance: %2.</source>
        <translation>%1 ajouté. Solde de l’entreprise&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Now using %1.</source>
        <translation>Utilise maintenant %1.</translation>
    </message>
    <message>
        <source>Creating the demo account…</source>
        <translation>Création du compte de démonstration…</translation>
    </message>
    <message>
        <source>There is no such page.</source>
        <translation>Cette page n’existe pas.</translation>
    </message>
    <message>
        <source>The window could not be rendered.</source>
        <translation>La fenêtre n’a pas pu être rendue.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>Profils SIP</translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Appels et rapports</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Show %1 (%2)</source>
        <translation>Afficher %1 (%2)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>&amp;Entreprise</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Membres</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>&amp;Top up…</source>
        <translation>&amp;Recharger…</translation>
    </message>
    <message>
        <source>Add bought credit to the company balance (%1)</source>
        <translation>Ajouter le crédit acheté au solde de l’entreprise (%1)</translation>
    </message>
    <message>
        <source>Run &amp;billing now</source>
        <translation>Lancer la &amp;facturation</translation>
    </message>
    <message>
        <source>Process everything due up to now: monthly limits, renewals</source>
        <translation>Traiter tout ce qui est dû à ce jour&#xa0;: limites mensuelles, renouvellements</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>À &amp;propos de Switchboard</translation>
    </message>
    <message>
        <source>The database in use</source>
        <translation>La base de données utilisée</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>The demo account is ready: %Ln member(s).</source>
        <translation>
            <numerusform>Le compte de démonstration est prêt&#xa0;: %Ln membre.</numerusform>
            <numerusform>Le compte de démonstration est prêt&#xa0;: %Ln membres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Switchboard %1

Runs a company&apos;s business calling account: the company balance, members and their credit, numbers and SIP profiles.</source>
        <translation>Switchboard %1

Gère le compte d’appels professionnel d’une entreprise&#xa0;: le solde de l’entreprise, les membres et leur crédit, les numéros et les profils SIP.</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Numéros</translation>
    </message>
    <message>
        <source>&amp;SIP profiles</source>
        <translation>&amp;Profils SIP</translation>
    </message>
    <message>
        <source>Now using %1, but it will not be used at the next start: %2</source>
        <translation>Utilise maintenant %1, mais elle ne sera pas utilisée au prochain démarrage&#xa0;: %2</translation>
    </message>
    <message>
        <source>Billing: the US minute bundles of %1 were renewed from their balances.</source>
        <translation>Facturation&#xa0;: les forfaits de minutes vers les États-Unis de %1 ont été renouvelés et payés sur les soldes des profils.</translation>
    </message>
    <message>
        <source>Updated by another admin.</source>
        <translation>Mis à jour par un autre administrateur.</translation>
    </message>
    <message>
        <source>Changes by other admins do not show for now (tried again every 30 seconds): %1</source>
        <translation>Les modifications des autres administrateurs ne s’affichent pas pour le moment (nouvel essai toutes les 30 secondes)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Running billing…</source>
        <translation>Facturation en cours…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1. What the company can still give to members. Top up to add bought credit.</source>
        <translation>%1. Ce que l’entreprise peut encore attribuer aux membres. Rechargez pour ajouter du crédit acheté.</translation>
    </message>
    <message>
        <source>&amp;Call records</source>
        <translation>&amp;Relevés d’appels</translation>
    </message>
    <message numerus="yes">
        <source>%1 … and %Ln more on the Activity page.</source>
        <translation>
            <numerusform>%1 … et %Ln autre sur la page Activité.</numerusform>
            <numerusform>%1 … et %Ln autres sur la page Activité.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Billing: the US minute bundles of %Ln SIP profile(s) were renewed from their balances.</source>
        <translation>
            <numerusform>Facturation&#xa0;: les forfaits de minutes vers les États-Unis de %Ln profil SIP ont été renouvelés et payés sur son solde.</numerusform>
            <numerusform>Facturation&#xa0;: les forfaits de minutes vers les États-Unis de %Ln profils SIP ont été renouvelés et payés sur les soldes des profils.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::MembersPage</name>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>Membre %1 (%2) ajouté.</translation>
    </message>
    <message>
        <source>Select the members to give credit to first.</source>
        <translation>Sélectionnez d’abord les membres à qui attribuer du crédit.</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all. Company balance: %3.</source>
        <translation>
            <numerusform>%1 attribué à %n membre, %2 au total. Solde de l’entreprise&#xa0;: %3.</numerusform>
            <numerusform>%1 attribué à chacun des %n membres, %2 au total. Solde de l’entreprise&#xa0;: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one member to set up auto-recharge.</source>
        <translation>Sélectionnez un membre pour configurer la recharge automatique.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is off.</source>
        <translation>La recharge automatique de %1 est désactivée.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is on.</source>
        <translation>La recharge automatique de %1 est activée.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is on. %2</source>
        <translation>La recharge automatique de %1 est activée. %2</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Exporter les membres</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from %1: %n problem(s), the first on line %2: %3</source>
        <translation>
            <numerusform>Rien n’a été importé de %1&#xa0;: %n problème, ligne %2&#xa0;: %3</numerusform>
            <numerusform>Rien n’a été importé de %1&#xa0;: %n problèmes, le premier à la ligne %2&#xa0;: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportation vers %1…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Search by account, name, e-mail or department (Ctrl+F)</source>
        <translation>Rechercher par compte, nom, e-mail ou service (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search members</source>
        <translation>Rechercher des membres</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>&amp;Ajouter un membre…</translation>
    </message>
    <message>
        <source>Add a member (%1)</source>
        <translation>Ajouter un membre (%1)</translation>
    </message>
    <message>
        <source>Allocate &amp;credit…</source>
        <translation>Attribuer du &amp;crédit…</translation>
    </message>
    <message>
        <source>Give credit from the company balance to the selected members (%1)</source>
        <translation>Attribuer du crédit du solde de l’entreprise aux membres sélectionnés (%1)</translation>
    </message>
    <message>
        <source>Auto-&amp;recharge…</source>
        <translation>Recharge a&amp;utomatique…</translation>
    </message>
    <message>
        <source>Set up auto-recharge for the selected member (%1)</source>
        <translation>Configurer la recharge automatique du membre sélectionné (%1)</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>&amp;Importer des membres…</translation>
    </message>
    <message>
        <source>Import members from a CSV file (%1)</source>
        <translation>Importer des membres depuis un fichier CSV (%1)</translation>
    </message>
    <message>
        <source>&amp;Export members…</source>
        <translation>&amp;Exporter les membres…</translation>
    </message>
    <message>
        <source>Export every member to a CSV file (%1)</source>
        <translation>Exporter tous les membres dans un fichier CSV (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln membre</numerusform>
            <numerusform>%Ln membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>%Ln membre trouvé</numerusform>
            <numerusform>%Ln membres trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>The members cannot be shown: %1</source>
        <translation>Les membres ne peuvent pas être affichés&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln member(s) from %1.</source>
        <translation>
            <numerusform>%Ln membre importé de %1.</numerusform>
            <numerusform>%Ln membres importés de %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln member(s) to %1.</source>
        <translation>
            <numerusform>%Ln membre exporté vers %1.</numerusform>
            <numerusform>%Ln membres exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the members who get a number first.</source>
        <translation>Sélectionnez d’abord les membres qui recevront un numéro.</translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation>Acheter des &amp;numéros…</translation>
    </message>
    <message>
        <source>Buy a phone number for each selected member</source>
        <translation>Acheter un numéro de téléphone pour chaque membre sélectionné</translation>
    </message>
    <message>
        <source>Select the members whose numbers to cancel first.</source>
        <translation>Sélectionnez d’abord les membres dont les numéros sont à résilier.</translation>
    </message>
    <message>
        <source>Ca&amp;ncel numbers…</source>
        <translation>Ré&amp;silier des numéros…</translation>
    </message>
    <message>
        <source>Cancel the numbers of the selected members at the end of their paid period</source>
        <translation>Résilier les numéros des membres sélectionnés à la fin de leur période payée</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Aucun membre pour l’instant</translation>
    </message>
    <message>
        <source>Members are the people who call through the account: each has an account for the phone and credit given from the company balance. Add them one at a time, or import a CSV file from the Members menu.</source>
        <translation>Les membres sont les personnes qui appellent par ce compte&#xa0;: chacun dispose d’un compte pour le téléphone et de crédit attribué sur le solde de l’entreprise. Ajoutez-les un par un, ou importez un fichier CSV depuis le menu Membres.</translation>
    </message>
</context>
<context>
    <name>sb::ui::NumbersPage</name>
    <message numerus="yes">
        <source>%Ln number(s) found</source>
        <translation>
            <numerusform>%Ln numéro trouvé</numerusform>
            <numerusform>%Ln numéros trouvés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln number(s)</source>
        <translation>
            <numerusform>%Ln numéro</numerusform>
            <numerusform>%Ln numéros</numerusform>
        </translation>
    </message>
    <message>
        <source>The numbers cannot be shown: %1</source>
        <translation>Les numéros ne peuvent pas être affichés&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 pour %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %n number(s) in %1 for %2: %3. Company balance: %4.</source>
        <translation>
            <numerusform>%n numéro acheté, indicatif %1, pour %2&#xa0;: %3. Solde de l’entreprise&#xa0;: %4.</numerusform>
            <numerusform>%n numéros achetés, indicatif %1, pour %2&#xa0;: %3. Solde de l’entreprise&#xa0;: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the one number to reassign.</source>
        <translation>Sélectionnez le numéro à réattribuer (un seul).</translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3.</source>
        <translation>%1 réattribué de %2 à %3.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>The selected members hold no numbers.</source>
        <translation>Les membres sélectionnés ne détiennent aucun numéro.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is already cancelled.</source>
        <translation>%1 est déjà résilié.</translation>
    </message>
    <message>
        <source>Select the numbers to cancel first.</source>
        <translation>Sélectionnez d’abord les numéros à résilier.</translation>
    </message>
    <message>
        <source>• %1 (%2): usable until %3, then released</source>
        <translation>• %1 (%2)&#xa0;: utilisable jusqu’au %3, puis libéré</translation>
    </message>
    <message>
        <source>Each number stays usable until the end of its paid period, then returns to the pool. There is no extra charge and no refund.</source>
        <translation>Chaque numéro reste utilisable jusqu’à la fin de sa période payée, puis retourne dans la réserve. Il n’y a ni frais supplémentaires ni remboursement.</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Non résiliés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cancel numbers</source>
        <translation>Résilier des numéros</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n number(s)?</source>
        <translation>
            <numerusform>Résilier %n numéro&#xa0;?</numerusform>
            <numerusform>Résilier %n numéros&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n number(s)</source>
        <translation>
            <numerusform>Résilier %n numéro</numerusform>
            <numerusform>Résilier %n numéros</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Les conserver</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (jusqu’au %2)</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n number(s): %1. No refund; each is released when its period ends.</source>
        <translation>
            <numerusform>%n numéro résilié&#xa0;: %1. Aucun remboursement&#xa0;; il est libéré à la fin de sa période.</numerusform>
            <numerusform>%n numéros résiliés&#xa0;: %1. Aucun remboursement&#xa0;; chacun est libéré à la fin de sa période.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) could not be cancelled: %1</source>
        <translation>
            <numerusform>%n numéro n’a pas pu être résilié&#xa0;: %1</numerusform>
            <numerusform>%n numéros n’ont pas pu être résiliés&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n number(s); see the problems above the table.</source>
        <translation>
            <numerusform>%n numéro résilié&#xa0;; voir les problèmes au-dessus du tableau.</numerusform>
            <numerusform>%n numéros résiliés&#xa0;; voir les problèmes au-dessus du tableau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>Search by number, account, name or SIP profile (Ctrl+F)</source>
        <translation>Rechercher par numéro, compte, nom ou profil SIP (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search numbers</source>
        <translation>Rechercher des numéros</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>Pa&amp;ys&#xa0;:</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>Filter by country</source>
        <translation>Filtrer par pays</translation>
    </message>
    <message>
        <source>Held &amp;by:</source>
        <translation>Titu&amp;laire&#xa0;:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>Profils SIP</translation>
    </message>
    <message>
        <source>Filter by holder</source>
        <translation>Filtrer par titulaire</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Éta&amp;t&#xa0;:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Résilié</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Libéré</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par état</translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation>Acheter des &amp;numéros…</translation>
    </message>
    <message>
        <source>Buy numbers for members or SIP profiles (%1)</source>
        <translation>Acheter des numéros pour des membres ou des profils SIP (%1)</translation>
    </message>
    <message>
        <source>&amp;Reassign number…</source>
        <translation>&amp;Réattribuer le numéro…</translation>
    </message>
    <message>
        <source>Give the selected number to another member or SIP profile (%1)</source>
        <translation>Attribuer le numéro sélectionné à un autre membre ou profil SIP (%1)</translation>
    </message>
    <message>
        <source>&amp;Cancel numbers…</source>
        <translation>Ré&amp;silier des numéros…</translation>
    </message>
    <message>
        <source>Cancel the selected numbers at the end of their paid period (%1)</source>
        <translation>Résilier les numéros sélectionnés à la fin de leur période payée (%1)</translation>
    </message>
    <message>
        <source>No numbers yet</source>
        <translation>Aucun numéro pour l’instant</translation>
    </message>
    <message>
        <source>Phone numbers are bought for members and SIP profiles, in the country and area you choose, and renew from the company balance until they are cancelled.</source>
        <translation>Les numéros de téléphone s’achètent pour les membres et les profils SIP, dans le pays et avec l’indicatif régional de votre choix, et se renouvellent sur le solde de l’entreprise jusqu’à leur résiliation.</translation>
    </message>
</context>
<context>
    <name>sb::ui::PbxConfigView</name>
    <message>
        <source>Asterisk PJSIP configuration (pjsip.conf):</source>
        <translation>Configuration Asterisk PJSIP (pjsip.conf)&#xa0;:</translation>
    </message>
    <message>
        <source>Asterisk PJSIP configuration</source>
        <translation>Configuration Asterisk PJSIP</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Co&amp;py configuration</source>
        <translation>&amp;Copier la configuration</translation>
    </message>
    <message>
        <source>Copy the configuration</source>
        <translation>Copier la configuration</translation>
    </message>
    <message>
        <source>Copy the whole block, with the password, to paste into the PBX</source>
        <translation>Copier tout le bloc, mot de passe compris, pour le coller dans le PBX</translation>
    </message>
</context>
<context>
    <name>sb::ui::ReassignNumberDialog</name>
    <message>
        <source>Reassign number</source>
        <translation>Réattribuer le numéro</translation>
    </message>
    <message>
        <source>%1 (E.164: %2)</source>
        <translation>%1 (E.164&#xa0;: %2)</translation>
    </message>
    <message>
        <source>%1, %2. Now held by: %3. Paid until %4.</source>
        <translation>%1, %2. Titulaire actuel&#xa0;: %3. Payé jusqu’au %4.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>New holder is a:</source>
        <translation>Type du nouveau titulaire&#xa0;:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>Profil SIP</translation>
    </message>
    <message>
        <source>New holder is a member or a SIP profile</source>
        <translation>Le nouveau titulaire est un membre ou un profil SIP</translation>
    </message>
    <message>
        <source>&amp;SIP profile:</source>
        <translation>&amp;Profil SIP&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nom de &amp;compte&#xa0;:</translation>
    </message>
    <message>
        <source>Start typing a name; the list says member or SIP profile</source>
        <translation>Commencez à saisir un nom&#xa0;; la liste indique s’il s’agit d’un membre ou d’un profil SIP</translation>
    </message>
    <message>
        <source>New holder</source>
        <translation>Nouveau titulaire</translation>
    </message>
    <message>
        <source>Numbers in %1 are held under terms (for example a local address in %1). The terms accepted when this number was bought still apply: make sure the new holder meets them, or the number may be lost.</source>
        <translation>Les numéros de ce pays (%1) sont soumis à des conditions, par exemple une adresse locale (%1). Les conditions acceptées lors de l’achat de ce numéro s’appliquent toujours&#xa0;: assurez-vous que le nouveau titulaire les remplit, sinon le numéro risque d’être perdu.</translation>
    </message>
    <message>
        <source>The terms under which this number was bought still apply to its new holder.</source>
        <translation>Les conditions d’achat de ce numéro s’appliquent toujours à son nouveau titulaire.</translation>
    </message>
    <message>
        <source>Terms reminder</source>
        <translation>Rappel des conditions</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Réattribuer</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Réattribuer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>sb::ui::RenameSipProfileDialog</name>
    <message>
        <source>Rename SIP profile</source>
        <translation>Renommer le profil SIP</translation>
    </message>
    <message>
        <source>A new name for the SIP profile %1. Its SIP username, credentials and PBX configuration stay the same.</source>
        <translation>Un nouveau nom pour le profil SIP %1. Son nom d’utilisateur SIP, ses identifiants et sa configuration PBX restent les mêmes.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nouveau nom</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>The language of the window; money and dates follow it.</source>
        <translation>La langue de la fenêtre&#xa0;; les montants et les dates la suivent.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>An SQLite file for one admin, or postgresql://user:password@host:port/database for an office where several admins work at once.</source>
        <translation>Un fichier SQLite pour un seul administrateur, ou postgresql://utilisateur:motdepasse@hôte:port/base pour un bureau où plusieurs administrateurs travaillent en même temps.</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>file path or postgresql://…</source>
        <translation>chemin de fichier ou postgresql://…</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>&amp;Changer</translation>
    </message>
    <message>
        <source>Switch to this database</source>
        <translation>Utiliser cette base de données</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>Utilisée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Database message</source>
        <translation>Message sur la base de données</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>SIP servers</source>
        <translation>Serveurs SIP</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <source>Saved. Every SIP profile&apos;s PBX data now names these servers.</source>
        <translation>Enregistré. Les données PBX de chaque profil SIP indiquent désormais ces serveurs.</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers are now %1.</source>
        <translation>Les serveurs SIP du fournisseur sont désormais&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Name at least one SIP server, such as %1.</source>
        <translation>Indiquez au moins un serveur SIP, par exemple %1.</translation>
    </message>
    <message>
        <source>S&amp;IP servers:</source>
        <translation>Serveurs S&amp;IP&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <source>Save the SIP servers</source>
        <translation>Enregistrer les serveurs SIP</translation>
    </message>
    <message>
        <source>SIP servers message</source>
        <translation>Message sur les serveurs SIP</translation>
    </message>
    <message>
        <source>A trunk check now waits at most %1 ms for each server.</source>
        <translation>Une vérification du trunk attend désormais au plus %1&#xa0;ms pour chaque serveur.</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers (host:port, separated by commas) go into every SIP profile&apos;s PBX data and configuration; they are kept in the database, so every admin and switchboardctl see the same.</source>
        <translation>Les serveurs SIP du fournisseur (hôte:port, séparés par des virgules) figurent dans les données PBX et la configuration de chaque profil SIP&#xa0;; ils sont conservés dans la base de données, de sorte que chaque administrateur et switchboardctl voient les mêmes.</translation>
    </message>
    <message>
        <source>Trunk check</source>
        <translation>Vérification du trunk</translation>
    </message>
    <message>
        <source>&quot;Check the trunk&quot; in a SIP profile&apos;s details sends SIP OPTIONS to its PBX and the provider&apos;s servers, sending again after 0.5, 1, 2 and 4 s. A server silent this long counts as not answering; switchboardctl profile probe uses the same limit.</source>
        <translation>«&#xa0;Vérifier le trunk&#xa0;», dans les détails d’un profil SIP, envoie des requêtes SIP OPTIONS à son PBX et aux serveurs du fournisseur, en les renvoyant après 0,5, 1, 2 et 4&#xa0;s. Un serveur resté silencieux pendant ce délai est considéré comme ne répondant pas&#xa0;; switchboardctl profile probe utilise la même limite.</translation>
    </message>
    <message>
        <source>Wait at m&amp;ost:</source>
        <translation>Atten&amp;dre au plus&#xa0;:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Trunk check time limit in milliseconds</source>
        <translation>Délai maximal de la vérification du trunk, en millisecondes</translation>
    </message>
</context>
<context>
    <name>sb::ui::SipProfileDetails</name>
    <message>
        <source>Copied the PBX configuration of %1 to the clipboard.</source>
        <translation>Configuration PBX de %1 copiée dans le presse-papiers.</translation>
    </message>
    <message>
        <source>The password cannot be read: %1</source>
        <translation>Le mot de passe ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Service&#xa0;: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail&#xa0;: %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Créé le %1</translation>
    </message>
    <message>
        <source>Registration: the PBX registers with this username and password.</source>
        <translation>Enregistrement&#xa0;: le PBX s’enregistre avec ce nom d’utilisateur et ce mot de passe.</translation>
    </message>
    <message>
        <source>Password hidden</source>
        <translation>Mot de passe masqué</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Affi&amp;cher</translation>
    </message>
    <message>
        <source>Hi&amp;de</source>
        <translation>Mas&amp;quer</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Afficher le mot de passe</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>Masquer le mot de passe</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from this address without registration.</source>
        <translation>Authentification par IP&#xa0;: le fournisseur accepte les appels provenant de cette adresse sans enregistrement.</translation>
    </message>
    <message>
        <source>%1, UDP port %2</source>
        <translation>%1, port UDP %2</translation>
    </message>
    <message>
        <source>SIP username: %1</source>
        <translation>Nom d’utilisateur SIP&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (defaults shown: %2)</source>
        <translation>%1 (valeurs par défaut affichées&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Point the PBX at these servers with the username and password, or paste this ready configuration:</source>
        <translation>Configurez le PBX avec ces serveurs, ce nom d’utilisateur et ce mot de passe, ou collez cette configuration prête à l’emploi&#xa0;:</translation>
    </message>
    <message>
        <source>The PBX sends its calls from %1 to these servers, or paste this ready configuration:</source>
        <translation>Le PBX envoie ses appels depuis %1 vers ces serveurs&#xa0;; vous pouvez aussi coller cette configuration prête à l’emploi&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month</source>
        <translation>
            <numerusform>%n canal&#xa0;: %1 par mois</numerusform>
            <numerusform>%n canaux&#xa0;: %1 par mois</numerusform>
        </translation>
    </message>
    <message>
        <source>Was paid until %1.</source>
        <translation>Les canaux étaient payés jusqu’au %1.</translation>
    </message>
    <message>
        <source>The company balance could not pay the channels&apos; renewal: outgoing calls through this profile stop until the channels are paid. Change the channels to pay now.</source>
        <translation>Le solde de l’entreprise n’a pas pu payer le renouvellement des canaux&#xa0;: les appels sortants par ce profil sont interrompus jusqu’au paiement des canaux. Modifiez les canaux pour payer maintenant.</translation>
    </message>
    <message>
        <source>Paid until %1, then renewed monthly from the company balance.</source>
        <translation>Payés jusqu’au %1, puis renouvelés chaque mois sur le solde de l’entreprise.</translation>
    </message>
    <message>
        <source>Profile balance: %1</source>
        <translation>Solde du profil&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Linked accounts (%1)</source>
        <translation>Comptes liés (%1)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (format national&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Numbers (%1)</source>
        <translation>Numéros (%1)</translation>
    </message>
    <message>
        <source>No number routes to this profile directly. Numbers of linked accounts route here too.</source>
        <translation>Aucun numéro n’est acheminé directement vers ce profil. Les numéros des comptes liés sont aussi acheminés ici.</translation>
    </message>
    <message>
        <source>Calls to these numbers, and to the numbers of linked accounts, go to this profile&apos;s PBX.</source>
        <translation>Les appels vers ces numéros, et vers les numéros des comptes liés, sont acheminés vers le PBX de ce profil.</translation>
    </message>
    <message>
        <source>SIP profile details</source>
        <translation>Détails du profil SIP</translation>
    </message>
    <message>
        <source>No SIP profile is selected. Create one to connect the office PBX: it gets its own credit, channels, numbers and linked accounts.</source>
        <translation>Aucun profil SIP n’est sélectionné. Créez-en un pour connecter le PBX du bureau&#xa0;: il aura son propre crédit, ses canaux, ses numéros et ses comptes liés.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nom d’utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Allowed IP:</source>
        <translation>IP autorisée&#xa0;:</translation>
    </message>
    <message>
        <source>Address warning</source>
        <translation>Avertissement sur l’adresse</translation>
    </message>
    <message>
        <source>PBX data</source>
        <translation>Données PBX</translation>
    </message>
    <message>
        <source>Provider SIP servers:</source>
        <translation>Serveurs SIP du fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Outgoing calls</source>
        <translation>Appels sortants</translation>
    </message>
    <message>
        <source>Channels not paid</source>
        <translation>Canaux impayés</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Calls through this profile are paid from its own credit. Credit allocated to it cannot be taken back; it returns to the company balance only when the profile is deleted.</source>
        <translation>Les appels passés par ce profil sont payés avec son propre crédit. Le crédit qui lui est attribué ne peut pas être repris&#xa0;; il ne retourne au solde de l’entreprise qu’à la suppression du profil.</translation>
    </message>
    <message>
        <source>Calls to a linked account and to its numbers go to this profile&apos;s PBX (to the extension, if set). A linked account cannot be used to sign in.</source>
        <translation>Les appels vers un compte lié et vers ses numéros sont acheminés vers le PBX de ce profil (vers le poste, s’il est indiqué). Un compte lié ne peut pas servir à se connecter.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Comptes liés</translation>
    </message>
    <message>
        <source>Numbers of the profile</source>
        <translation>Numéros du profil</translation>
    </message>
    <message>
        <source>US minute bundles</source>
        <translation>Forfaits de minutes vers les États-Unis</translation>
    </message>
    <message>
        <source>%1 a month: channels %2 and US minute bundles %3</source>
        <translation>%1 par mois&#xa0;: canaux %2 et forfaits de minutes vers les États-Unis %3</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 par mois</translation>
    </message>
    <message>
        <source>Outgoing calls: %1</source>
        <translation>Appels sortants&#xa0;: %1</translation>
    </message>
    <message>
        <source>No US minute bundles.</source>
        <translation>Aucun forfait de minutes vers les États-Unis.</translation>
    </message>
    <message>
        <source>US calls are charged at the standard rates.</source>
        <translation>Les appels vers les États-Unis sont facturés aux tarifs standard.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) at %1 each: %2 a month</source>
        <translation>
            <numerusform>%n forfait à %1 l’unité&#xa0;: %2 par mois</numerusform>
            <numerusform>%n forfaits à %1 l’unité&#xa0;: %2 par mois</numerusform>
        </translation>
    </message>
    <message>
        <source>Minutes used: %1 of %2 this period (until %3)</source>
        <translation>Minutes utilisées&#xa0;: %1 sur %2 pendant cette période (jusqu’au %3)</translation>
    </message>
    <message>
        <source>Cancelled: usable until %1, then they expire.</source>
        <translation>Résiliés&#xa0;: utilisables jusqu’au %1, puis ils expirent.</translation>
    </message>
    <message>
        <source>Next payment: %1, from this profile&apos;s balance.</source>
        <translation>Prochain paiement&#xa0;: le %1, sur le solde de ce profil.</translation>
    </message>
    <message>
        <source>Each bundle gives 5000 minutes a month of calls to US mobiles and landlines, paid from this profile&apos;s credit; at most one per channel. Unused minutes expire at the renewal; US calls beyond them are charged at the standard rates.</source>
        <translation>Chaque forfait, payé avec le crédit de ce profil, donne 5000 minutes d’appels par mois vers les mobiles et les fixes des États-Unis&#xa0;; au plus un forfait par canal. Les minutes non utilisées expirent au renouvellement&#xa0;; au-delà, les appels vers les États-Unis sont facturés aux tarifs standard.</translation>
    </message>
    <message>
        <source>Country: %1</source>
        <translation>Pays&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The credentials went to %1.</source>
        <translation>Les identifiants ont été envoyés à %1.</translation>
    </message>
    <message>
        <source>Sent the credentials of %1 to %2.</source>
        <translation>Identifiants de %1 envoyés à %2.</translation>
    </message>
    <message>
        <source>The credentials were not sent: %1</source>
        <translation>Les identifiants n’ont pas été envoyés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sending the credentials to %1…</source>
        <translation>Envoi des identifiants à %1…</translation>
    </message>
    <message>
        <source>This profile has no e-mail address to send its credentials to.</source>
        <translation>Ce profil n’a pas d’adresse e-mail à laquelle envoyer ses identifiants.</translation>
    </message>
    <message>
        <source>Mails the username, password, SIP servers and PBX configuration to %1.</source>
        <translation>Envoie par e-mail le nom d’utilisateur, le mot de passe, les serveurs SIP et la configuration PBX à %1.</translation>
    </message>
    <message>
        <source>PBX %1</source>
        <translation>PBX %1</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Fournisseur %1</translation>
    </message>
    <message>
        <source>The last check cannot be read: %1</source>
        <translation>La dernière vérification ne peut pas être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message>
        <source>Checked %1:
%2</source>
        <translation>Vérifié le %1&#xa0;:
%2</translation>
    </message>
    <message>
        <source>Checking the trunk of %1…</source>
        <translation>Vérification du trunk de %1…</translation>
    </message>
    <message>
        <source>The trunk could not be checked: %1</source>
        <translation>Le trunk n’a pas pu être vérifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Checked the trunk of %1: %2 of %3 servers answered OK.</source>
        <translation>Trunk de %1 vérifié&#xa0;; serveurs ayant répondu OK&#xa0;: %2 sur %3.</translation>
    </message>
    <message>
        <source>Send the credentials &amp;again</source>
        <translation>Renv&amp;oyer les identifiants</translation>
    </message>
    <message>
        <source>Send the credentials again</source>
        <translation>Renvoyer les identifiants</translation>
    </message>
    <message>
        <source>Check the &amp;trunk</source>
        <translation>&amp;Vérifier le trunk</translation>
    </message>
    <message>
        <source>Check the trunk</source>
        <translation>Vérifier le trunk</translation>
    </message>
    <message>
        <source>Sends SIP OPTIONS to the PBX (IP authentication) and to the provider&apos;s servers, and shows who answers and how fast.</source>
        <translation>Envoie des requêtes SIP OPTIONS au PBX (authentification par IP) et aux serveurs du fournisseur, et indique qui répond et en combien de temps.</translation>
    </message>
    <message>
        <source>Provider SIP servers</source>
        <translation>Serveurs SIP du fournisseur</translation>
    </message>
</context>
<context>
    <name>sb::ui::SipProfilesPage</name>
    <message numerus="yes">
        <source>%n SIP profile(s)</source>
        <translation>
            <numerusform>%n profil SIP</numerusform>
            <numerusform>%n profils SIP</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SIP profile(s) found</source>
        <translation>
            <numerusform>%n profil SIP trouvé</numerusform>
            <numerusform>%n profils SIP trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profiles cannot be shown: %1</source>
        <translation>Les profils SIP ne peuvent pas être affichés&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Created the SIP profile %1 with %n channel(s), paid %2 until %3. Company balance: %4.</source>
        <translation>
            <numerusform>Profil SIP %1 créé avec %n canal, %2 payé jusqu’au %3. Solde de l’entreprise&#xa0;: %4.</numerusform>
            <numerusform>Profil SIP %1 créé avec %n canaux, %2 payé jusqu’au %3. Solde de l’entreprise&#xa0;: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed the SIP profile %1 to %2.</source>
        <translation>Profil SIP %1 renommé en %2.</translation>
    </message>
    <message>
        <source>Export call history</source>
        <translation>Exporter l’historique des appels</translation>
    </message>
    <message>
        <source>%1-calls.csv</source>
        <translation>%1-appels.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Allocated %1 to the SIP profile %2; its balance is now %3. Company balance: %4.</source>
        <translation>%1 attribué au profil SIP %2&#xa0;; son solde est désormais de %3. Solde de l’entreprise&#xa0;: %4.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n channel(s): paid %2 now, renewed on %3.</source>
        <translation>
            <numerusform>%1 a maintenant %n canal&#xa0;: %2 payé maintenant, renouvellement le %3.</numerusform>
            <numerusform>%1 a maintenant %n canaux&#xa0;: %2 payé maintenant, renouvellement le %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked %1 to the SIP profile %2; it cannot sign in while linked.</source>
        <translation>%1 lié au profil SIP %2&#xa0;; il ne peut pas se connecter tant qu’il est lié.</translation>
    </message>
    <message>
        <source>Linked %1 to the SIP profile %2 at extension %3; it cannot sign in while linked.</source>
        <translation>%1 lié au profil SIP %2 sur le poste %3&#xa0;; il ne peut pas se connecter tant qu’il est lié.</translation>
    </message>
    <message>
        <source>Unlink account</source>
        <translation>Dissocier le compte</translation>
    </message>
    <message>
        <source>Unlink %1 from the SIP profile %2?</source>
        <translation>Dissocier %1 du profil SIP %2&#xa0;?</translation>
    </message>
    <message>
        <source>Calls to the account and to its numbers no longer go to the PBX of %1, and the account can sign in again.</source>
        <translation>Les appels vers le compte et vers ses numéros ne seront plus acheminés vers le PBX de %1, et le compte pourra de nouveau se connecter.</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>&amp;Dissocier</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Unlinked %1 from the SIP profile %2; it can sign in again.</source>
        <translation>%1 dissocié du profil SIP %2&#xa0;; il peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>Profils SIP</translation>
    </message>
    <message>
        <source>Search by name or department (Ctrl+F)</source>
        <translation>Rechercher par nom ou service (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search SIP profiles</source>
        <translation>Rechercher des profils SIP</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Create SIP profile…</source>
        <translation>&amp;Créer un profil SIP…</translation>
    </message>
    <message>
        <source>Create a SIP profile for a PBX</source>
        <translation>Créer un profil SIP pour un PBX</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Rename the selected SIP profile</source>
        <translation>Renommer le profil SIP sélectionné</translation>
    </message>
    <message>
        <source>&amp;Delete SIP profile…</source>
        <translation>&amp;Supprimer le profil SIP…</translation>
    </message>
    <message>
        <source>Delete the selected SIP profile, after showing what happens</source>
        <translation>Supprimer le profil SIP sélectionné, après avoir montré ce qui va se passer</translation>
    </message>
    <message>
        <source>Allocate c&amp;redit…</source>
        <translation>Attribuer du crédi&amp;t…</translation>
    </message>
    <message>
        <source>Give credit from the company balance to the SIP profile</source>
        <translation>Attribuer du crédit du solde de l’entreprise au profil SIP</translation>
    </message>
    <message>
        <source>C&amp;hange channels…</source>
        <translation>&amp;Modifier les canaux…</translation>
    </message>
    <message>
        <source>Change how many calls the SIP profile can make at once</source>
        <translation>Modifier le nombre d’appels simultanés du profil SIP</translation>
    </message>
    <message>
        <source>&amp;Link account…</source>
        <translation>&amp;Lier un compte…</translation>
    </message>
    <message>
        <source>Send a member account&apos;s incoming calls to the SIP profile</source>
        <translation>Acheminer les appels entrants du compte d’un membre vers le profil SIP</translation>
    </message>
    <message>
        <source>&amp;Unlink account…</source>
        <translation>&amp;Dissocier le compte…</translation>
    </message>
    <message>
        <source>Unlink the account selected in the details</source>
        <translation>Dissocier le compte sélectionné dans les détails</translation>
    </message>
    <message>
        <source>&amp;Buy a number…</source>
        <translation>Acheter un &amp;numéro…</translation>
    </message>
    <message>
        <source>Buy a number that routes to the SIP profile</source>
        <translation>Acheter un numéro acheminé vers le profil SIP</translation>
    </message>
    <message>
        <source>&amp;Add bundles…</source>
        <translation>&amp;Ajouter des forfaits…</translation>
    </message>
    <message>
        <source>Chan&amp;ge bundles…</source>
        <translation>Modifier les &amp;forfaits…</translation>
    </message>
    <message>
        <source>Cancel bundle&amp;s…</source>
        <translation>Rés&amp;ilier les forfaits…</translation>
    </message>
    <message>
        <source>&amp;Extend bundles…</source>
        <translation>&amp;Prolonger les forfaits…</translation>
    </message>
    <message>
        <source>Select a SIP profile first.</source>
        <translation>Sélectionnez d’abord un profil SIP.</translation>
    </message>
    <message>
        <source>Buy US minute bundles for the SIP profile</source>
        <translation>Acheter des forfaits de minutes vers les États-Unis pour le profil SIP</translation>
    </message>
    <message>
        <source>The profile already has bundles: change them instead.</source>
        <translation>Le profil a déjà des forfaits&#xa0;: modifiez-les plutôt.</translation>
    </message>
    <message>
        <source>Change the number of bundles; the unused minutes are refunded</source>
        <translation>Modifier le nombre de forfaits&#xa0;; les minutes non utilisées sont remboursées</translation>
    </message>
    <message>
        <source>The profile has no bundles: add them first.</source>
        <translation>Le profil n’a aucun forfait&#xa0;: ajoutez-en d’abord.</translation>
    </message>
    <message>
        <source>Cancel the bundles: usable until the end of the period, not renewed</source>
        <translation>Résilier les forfaits&#xa0;: utilisables jusqu’à la fin de la période, sans renouvellement</translation>
    </message>
    <message>
        <source>Already cancelled: usable until %1.</source>
        <translation>Déjà résiliés&#xa0;: utilisables jusqu’au %1.</translation>
    </message>
    <message>
        <source>The profile has no bundles.</source>
        <translation>Le profil n’a aucun forfait.</translation>
    </message>
    <message>
        <source>Pay the next month of the bundles now</source>
        <translation>Payer dès maintenant le mois suivant des forfaits</translation>
    </message>
    <message>
        <source>Bundles can be extended only within %1 days of the end of their paid time (%2), from %3.</source>
        <translation>Les forfaits ne peuvent être prolongés que dans les %1 jours précédant la fin de leur période payée (%2), à partir du %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n US minute bundle(s): %2 refunded for unused minutes, %3 paid until %4.</source>
        <translation>
            <numerusform>%1 a maintenant %n forfait de minutes vers les États-Unis&#xa0;: %2 remboursé pour les minutes non utilisées, %3 payé jusqu’au %4.</numerusform>
            <numerusform>%1 a maintenant %n forfaits de minutes vers les États-Unis&#xa0;: %2 remboursé pour les minutes non utilisées, %3 payé jusqu’au %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n US minute bundle(s): %2 paid until %3.</source>
        <translation>
            <numerusform>%1 a maintenant %n forfait de minutes vers les États-Unis&#xa0;: %2 payé jusqu’au %3.</numerusform>
            <numerusform>%1 a maintenant %n forfaits de minutes vers les États-Unis&#xa0;: %2 payé jusqu’au %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Les conserver</translation>
    </message>
    <message>
        <source>Cancel US minute bundles</source>
        <translation>Résilier les forfaits de minutes vers les États-Unis</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %n US minute bundle(s) of %1?</source>
        <translation>
            <numerusform>Résilier %n forfait de minutes vers les États-Unis de %1&#xa0;?</numerusform>
            <numerusform>Résilier les %n forfaits de minutes vers les États-Unis de %1&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay usable until %1 and are not renewed; nothing is refunded.</source>
        <translation>Ils restent utilisables jusqu’au %1 et ne sont pas renouvelés&#xa0;; rien n’est remboursé.</translation>
    </message>
    <message>
        <source>&amp;Cancel bundles</source>
        <translation>&amp;Résilier les forfaits</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are cancelled: usable until %2.</source>
        <translation>Les forfaits de minutes vers les États-Unis de %1 sont résiliés&#xa0;: utilisables jusqu’au %2.</translation>
    </message>
    <message>
        <source>Extend US minute bundles</source>
        <translation>Prolonger les forfaits de minutes vers les États-Unis</translation>
    </message>
    <message numerus="yes">
        <source>Extend the %n US minute bundle(s) of %1 by a month?</source>
        <translation>
            <numerusform>Prolonger d’un mois %n forfait de minutes vers les États-Unis de %1&#xa0;?</numerusform>
            <numerusform>Prolonger d’un mois les %n forfaits de minutes vers les États-Unis de %1&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is paid now from the profile&apos;s balance; they then run until %2.</source>
        <translation>%1 est payé maintenant sur le solde du profil&#xa0;; les forfaits sont ensuite valables jusqu’au %2.</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Prolonger</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are extended: %2 paid; next payment %3.</source>
        <translation>Les forfaits de minutes vers les États-Unis de %1 sont prolongés&#xa0;: %2 payé&#xa0;; prochain paiement le %3.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number(s) back in the pool, %4 unlinked, %5 deleted.</source>
        <translation>
            <numerusform>Profil SIP %1 supprimé&#xa0;: %2 rendu au solde de l’entreprise (désormais %3), %n numéro remis dans la réserve, dissociation de %4, suppression de %5.</numerusform>
            <numerusform>Profil SIP %1 supprimé&#xa0;: %2 rendu au solde de l’entreprise (désormais %3), %n numéros remis dans la réserve, dissociation de %4, suppression de %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n compte</numerusform>
            <numerusform>%n comptes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln appel</numerusform>
            <numerusform>%Ln appels</numerusform>
        </translation>
    </message>
    <message>
        <source>No SIP profiles yet</source>
        <translation>Aucun profil SIP pour l’instant</translation>
    </message>
    <message>
        <source>A SIP profile is one SIP trunk to the office PBX, with its own credit and channels. Create one to connect the PBX.</source>
        <translation>Un profil SIP est un trunk SIP vers le PBX du bureau, avec son propre crédit et ses propres canaux. Créez-en un pour connecter le PBX.</translation>
    </message>
</context>
<context>
    <name>sb::ui::StatementDialog</name>
    <message>
        <source>Save the statement as PDF</source>
        <translation>Enregistrer le relevé de compte en PDF</translation>
    </message>
    <message>
        <source>statement-%1.pdf</source>
        <translation>releve-de-compte-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the statement as CSV</source>
        <translation>Enregistrer le relevé de compte en CSV</translation>
    </message>
    <message>
        <source>statement-%1.csv</source>
        <translation>releve-de-compte-%1.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Statement saved to %1.</source>
        <translation>Relevé de compte enregistré dans %1.</translation>
    </message>
    <message>
        <source>Print the statement</source>
        <translation>Imprimer le relevé de compte</translation>
    </message>
    <message>
        <source>“%1” sent to the printer.</source>
        <translation>«&#xa0;%1&#xa0;» envoyé à l’imprimante.</translation>
    </message>
    <message>
        <source>Monthly statement</source>
        <translation>Relevé de compte mensuel</translation>
    </message>
    <message>
        <source>&amp;Month (UTC):</source>
        <translation>&amp;Mois (UTC)&#xa0;:</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>Enregistrer en &amp;CSV…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message numerus="yes">
        <source>Company balance: %1 at the start of the month, %2 at its end.
Topped up %3; allocated %4 (auto-recharges included); returned %5.
Spent %6: numbers %7, channels %8, bundles %9, calls %10.
%Ln SIP profile(s) and %11 in the statement.</source>
        <translation>
            <numerusform>Solde de l’entreprise&#xa0;: %1 au début du mois, %2 à la fin.
Rechargements&#xa0;: %3&#xa0;; attributions&#xa0;: %4 (recharges automatiques comprises)&#xa0;; crédit restitué&#xa0;: %5.
Dépenses&#xa0;: %6 (numéros %7, canaux %8, forfaits %9, appels %10).
Le relevé porte sur %Ln profil SIP et %11.</numerusform>
            <numerusform>Solde de l’entreprise&#xa0;: %1 au début du mois, %2 à la fin.
Rechargements&#xa0;: %3&#xa0;; attributions&#xa0;: %4 (recharges automatiques comprises)&#xa0;; crédit restitué&#xa0;: %5.
Dépenses&#xa0;: %6 (numéros %7, canaux %8, forfaits %9, appels %10).
Le relevé porte sur %Ln profils SIP et %11.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln membre</numerusform>
            <numerusform>%Ln membres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::TablePage</name>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
</context>
<context>
    <name>sb::ui::TopUpDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un montant. Saisissez-le comme %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1. After the top-up: %2.</source>
        <translation>Solde de l’entreprise actuel&#xa0;: %1. Après le rechargement&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1.</source>
        <translation>Solde de l’entreprise actuel&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Top up the company balance</source>
        <translation>Recharger le solde de l’entreprise</translation>
    </message>
    <message>
        <source>Record credit the company has bought. It is added to the company balance, from which members are given credit.</source>
        <translation>Enregistrez le crédit acheté par l’entreprise. Il s’ajoute au solde de l’entreprise, à partir duquel les membres reçoivent du crédit.</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Montant (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Référence&#xa0;:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>e.g. the invoice or order number</source>
        <translation>p. ex. le numéro de facture ou de commande</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Solde de l’entreprise</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>sb::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to Switchboard</source>
        <translation>Bienvenue dans Switchboard</translation>
    </message>
    <message numerus="yes">
        <source>Switchboard keeps your company&apos;s calling account: the company balance, the members and the credit you give them.

This account is still empty. You can look around in a demo account with %n made-up member(s) first, or start with your own members right away.</source>
        <translation>
            <numerusform>Switchboard gère le compte d’appels de votre entreprise&#xa0;: le solde de l’entreprise, les membres et le crédit que vous leur attribuez.

Ce compte est encore vide. Vous pouvez d’abord explorer un compte de démonstration avec %n membre fictif, ou commencer tout de suite avec vos propres membres.</numerusform>
            <numerusform>Switchboard gère le compte d’appels de votre entreprise&#xa0;: le solde de l’entreprise, les membres et le crédit que vous leur attribuez.

Ce compte est encore vide. Vous pouvez d’abord explorer un compte de démonstration avec %n membres fictifs, ou commencer tout de suite avec vos propres membres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>Open a &amp;demo account</source>
        <translation>Ouvrir un compte de &amp;démonstration</translation>
    </message>
    <message>
        <source>Open a demo account</source>
        <translation>Ouvrir un compte de démonstration</translation>
    </message>
    <message>
        <source>&amp;Start empty</source>
        <translation>&amp;Commencer vide</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Commencer vide</translation>
    </message>
</context>
</TS>
