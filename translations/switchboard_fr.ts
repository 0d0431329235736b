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
        <source>Top-up of %1</source>
        <translation>Rechargement de %1</translation>
    </message>
    <message>
        <source>Top-up of %1, reference %2</source>
        <translation>Rechargement de %1, référence %2</translation>
    </message>
</context>
<context>
    <name>sb::CreditService</name>
    <message>
        <source>Recharge amount: %1</source>
        <translation>Montant de la recharge : %1</translation>
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
        <translation>Limite mensuelle : %1</translation>
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
        <translation>Le membre « %1 » figure plusieurs fois dans la liste.</translation>
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
        <source>Allocated %1 to %2; new balance %3</source>
        <translation>%1 attribué à %2 ; nouveau solde %3</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 resumed for the new month</source>
        <translation>Recharge automatique de %1 reprise pour le nouveau mois</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Le solde de l’entreprise (%1) ne peut pas payer la recharge automatique de %2 pour %3.</translation>
    </message>
    <message>
        <source>Recharged %1 with %2; new balance %3</source>
        <translation>%1 rechargé de %2 ; nouveau solde %3</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>La limite de recharge mensuelle de %1 pour %2 est atteinte ; la recharge automatique est suspendue jusqu’au %3.</translation>
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
        <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
        <translation>Recharge automatique de %1 : %2 lorsque son solde est inférieur à %3, au plus %4 par mois</translation>
    </message>
    <message>
        <source>Auto-recharge is not on for %1.</source>
        <translation>La recharge automatique n’est pas activée pour %1.</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1</source>
        <translation>Recharge automatique désactivée pour %1</translation>
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
        <translation>« %1 » n’est pas une adresse PostgreSQL de la forme postgresql://utilisateur[:motdepasse]@hôte[:port]/base.</translation>
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
        <translation>Impossible d’ouvrir la base de données %1 : %2</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Erreur de base de données : %1</translation>
    </message>
</context>
<context>
    <name>sb::DemoGenerator</name>
    <message>
        <source>The number of demo members must be between 0 and 1000000.</source>
        <translation>Le nombre de membres de démonstration doit être compris entre 0 et 1000000.</translation>
    </message>
    <message>
        <source>Generating the demo was cancelled; nothing was written.</source>
        <translation>La création de la démonstration a été annulée ; rien n’a été écrit.</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n demo member(s)</source>
        <translation>
            <numerusform>%n membre de démonstration créé</numerusform>
            <numerusform>%n membres de démonstration créés</numerusform>
        </translation>
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
</context>
<context>
    <name>sb::MemberService</name>
    <message>
        <source>The account name is empty.</source>
        <translation>Le nom de compte est vide.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must be 6 to 32 characters long.</source>
        <translation>Le nom de compte « %1 » doit comporter de 6 à 32 caractères.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must start with a letter.</source>
        <translation>Le nom de compte « %1 » doit commencer par une lettre.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Le nom de compte « %1 » ne peut contenir que des lettres, des chiffres, « . », « _ » et « - ».</translation>
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
        <translation>« %1 » n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>The department is too long (at most 100 characters).</source>
        <translation>Le nom du service est trop long (100 caractères au plus).</translation>
    </message>
    <message>
        <source>A member with the account name &quot;%1&quot; already exists.</source>
        <translation>Un membre avec le nom de compte « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>Added member %1 (%2)</source>
        <translation>Membre %1 (%2) ajouté</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Il n’existe aucun membre avec le nom de compte « %1 ».</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation>Un champ entre guillemets n’est jamais fermé.</translation>
    </message>
    <message>
        <source>The file is empty: it needs the header line account,name,email,department.</source>
        <translation>Le fichier est vide : il lui faut la ligne d’en-tête account,name,email,department.</translation>
    </message>
    <message>
        <source>The first line must name the columns: account,name,email,department.</source>
        <translation>La première ligne doit nommer les colonnes : account,name,email,department.</translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2.</source>
        <translation>Champs attendus : %1, trouvés : %2.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; appears more than once in the file.</source>
        <translation>Le nom de compte « %1 » apparaît plusieurs fois dans le fichier.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>L’importation a été annulée ; rien n’a été importé.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>%n membre importé</numerusform>
            <numerusform>%n membres importés</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>L’exportation a été annulée ; aucun fichier n’a été écrit.</translation>
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
        <translation>%1 (format national : %2)</translation>
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
        <translation>La base de données %1 a été écrite par une version plus récente de Switchboard (schéma %2 ; cette version connaît les schémas jusqu’au %3). Elle n’a pas été modifiée : ouvrez-la avec une version plus récente de Switchboard.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation>La mise à niveau de la base de données vers le schéma %1 a échoué : %2</translation>
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
        <translation>Aucun numéro n’est vendu pour « %1 ». Pays : %2.</translation>
    </message>
    <message>
        <source>The price list has no prices for numbers in %1.</source>
        <translation>La liste de prix ne contient aucun prix de numéros pour %1.</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Il n’existe aucun membre avec le nom de compte « %1 ».</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Il n’existe aucun profil SIP nommé « %1 ».</translation>
    </message>
    <message>
        <source>Choose a member or a SIP profile to hold the number.</source>
        <translation>Choisissez un membre ou un profil SIP comme titulaire du numéro.</translation>
    </message>
    <message>
        <source>%1 has no area code &quot;%2&quot; on offer. Area codes: %3.</source>
        <translation>L’indicatif régional « %2 » n’est pas proposé pour ce pays (%1). Indicatifs : %3.</translation>
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
        <translation>« %1 » est choisi deux fois ; chacun ne reçoit qu’un numéro.</translation>
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
    <message>
        <source>Only %1 number(s) are left in area %2 (%3); %4 are needed. Nothing was bought.</source>
        <translation>Numéros restants pour l’indicatif %2 (%3) : %1 ; il en faut %4. Rien n’a été acheté.</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n month(s)</source>
        <translation>
            <numerusform>%1 pour %n mois</numerusform>
            <numerusform>%1 pour %n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %1 for %2 (%n month(s), %3); renews on %4</source>
        <translation>
            <numerusform>%1 acheté pour %2 (%n mois, %3) ; renouvellement le %4</numerusform>
            <numerusform>%1 acheté pour %2 (%n mois, %3) ; renouvellement le %4</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in international form, such as +12125550100.</source>
        <translation>« %1 » n’est pas un numéro de téléphone au format international, comme +12125550100.</translation>
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
        <source>the pool</source>
        <translation>la réserve</translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3</source>
        <translation>%1 réattribué de %2 à %3</translation>
    </message>
    <message>
        <source>%1 is already cancelled; it stays usable until %2.</source>
        <translation>%1 est déjà résilié ; il reste utilisable jusqu’au %2.</translation>
    </message>
    <message>
        <source>Cancelled %1; usable until %2, then released, no refund</source>
        <translation>%1 résilié ; utilisable jusqu’au %2, puis libéré, sans remboursement</translation>
    </message>
    <message>
        <source>%1 was cancelled; its period ended on %2 and it returned to the pool</source>
        <translation>%1 avait été résilié ; sa période a pris fin le %2 et il est retourné dans la réserve</translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation>%1 n’a pas pu être renouvelé : le solde de l’entreprise (%2) ne peut pas payer %3. Il a expiré et est retourné dans la réserve.</translation>
    </message>
    <message>
        <source>Renewal of %1</source>
        <translation>Renouvellement de %1</translation>
    </message>
    <message>
        <source>Renewed %1 for %2; next renewal on %3</source>
        <translation>%1 renouvelé pour %2 ; prochain renouvellement le %3</translation>
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
        <translation>Résilié : utilisable jusqu’au %1</translation>
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
        <translation>%1 (format national : %2)</translation>
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
    <name>sb::PriceList</name>
    <message>
        <source>The price list is not valid JSON: %1</source>
        <translation>La liste de prix n’est pas un JSON valide : %1</translation>
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
        <translation>La liste de prix contient un tarif mal formé pour le préfixe « %1 ».</translation>
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
        <translation>« %1 » n’est pas une adresse IPv4 comme 203.0.113.10.</translation>
    </message>
    <message>
        <source>a &quot;this network&quot; address</source>
        <translation>une adresse « ce réseau »</translation>
    </message>
    <message>
        <source>a private address</source>
        <translation>une adresse privée</translation>
    </message>
    <message>
        <source>a carrier-grade NAT (shared) address</source>
        <translation>une adresse NAT d’opérateur (partagée)</translation>
    </message>
    <message>
        <source>a loopback address</source>
        <translation>une adresse de bouclage</translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation>une adresse lien-local</translation>
    </message>
    <message>
        <source>a reserved (IETF protocol) address</source>
        <translation>une adresse réservée (protocoles IETF)</translation>
    </message>
    <message>
        <source>a documentation address</source>
        <translation>une adresse de documentation</translation>
    </message>
    <message>
        <source>a benchmarking address</source>
        <translation>une adresse de test de performances</translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation>une adresse multicast</translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation>une adresse réservée</translation>
    </message>
    <message>
        <source>%1 is %2 (%3): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 est %2 (%3) : le fournisseur ne peut pas la joindre depuis Internet. Saisissez l’adresse publique de la connexion Internet du PBX.</translation>
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
        <translation>Le numéro de poste « %1 » ne peut contenir que des chiffres (20 au plus).</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Il n’existe aucun profil SIP nommé « %1 ».</translation>
    </message>
    <message>
        <source>A SIP profile named &quot;%1&quot; already exists.</source>
        <translation>Un profil SIP nommé « %1 » existe déjà.</translation>
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
        <source>The SIP profile is already named &quot;%1&quot;.</source>
        <translation>Le profil SIP s’appelle déjà « %1 ».</translation>
    </message>
    <message>
        <source>Renamed SIP profile %1 to %2</source>
        <translation>Profil SIP %1 renommé en %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n channel(s).</source>
        <translation>
            <numerusform>%1 a déjà %n canal.</numerusform>
            <numerusform>%1 a déjà %n canaux.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for a month (%2). The channels were not changed.</source>
        <translation>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %n canal pour un mois (%2). Les canaux n’ont pas été modifiés.</numerusform>
            <numerusform>Le solde de l’entreprise (%1) ne peut pas payer %n canaux pour un mois (%2). Les canaux n’ont pas été modifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
        <translation>%1 : canaux modifiés de %2 à %3 ; %4 payé jusqu’au %5</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
        <translation>Le solde de l’entreprise (%1) ne couvre pas %2 pour %3. Rien n’a été attribué.</translation>
    </message>
    <message>
        <source>Allocated %1 to SIP profile %2; new balance %3</source>
        <translation>%1 attribué au profil SIP %2 ; nouveau solde %3</translation>
    </message>
    <message>
        <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
        <translation>Le compte %1 est déjà lié au profil SIP %2 ; un compte ne peut être lié qu’à un seul profil SIP.</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2; sign-in disabled</source>
        <translation>%1 lié au profil SIP %2 ; connexion désactivée</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
        <translation>%1 lié au profil SIP %2 sur le poste %3 ; connexion désactivée</translation>
    </message>
    <message>
        <source>The account %1 is not linked to the SIP profile %2.</source>
        <translation>Le compte %1 n’est pas lié au profil SIP %2.</translation>
    </message>
    <message>
        <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
        <translation>%1 dissocié du profil SIP %2 ; connexion rétablie</translation>
    </message>
    <message>
        <source>Credit of deleted SIP profile %1</source>
        <translation>Crédit du profil SIP supprimé %1</translation>
    </message>
    <message>
        <source>Deleted SIP profile %1: %2 returned to the company, %3 number(s) back in the pool, %4 account(s) unlinked, %5 call record(s) deleted</source>
        <translation>Profil SIP %1 supprimé : %2 rendu à l’entreprise ; numéros remis dans la réserve : %3 ; comptes dissociés : %4 ; relevés d’appels supprimés : %5</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>Les canaux de %1 n’ont pas pu être renouvelés : le solde de l’entreprise (%2) ne peut pas payer %3. Les appels sortants par ce profil sont interrompus jusqu’au paiement des canaux.</translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n channel(s) for %1</source>
        <translation>
            <numerusform>Renouvellement de %n canal pour %1</numerusform>
            <numerusform>Renouvellement de %n canaux pour %1</numerusform>
        </translation>
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
</context>
<context>
    <name>sb::ProviderSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as sip.example.net:5060.</source>
        <translation>« %1 » n’est pas une adresse de serveur comme sip.example.net:5060.</translation>
    </message>
    <message>
        <source>The port of &quot;%1&quot; must be from 1 to 65535.</source>
        <translation>Le port de « %1 » doit être compris entre 1 et 65535.</translation>
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
        <translation>Le fichier de clé secrète %1 est introuvable : les mots de passe SIP enregistrés ne peuvent pas être lus.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <source>Cannot write the secret key file %1: %2</source>
        <translation>Impossible d’écrire le fichier de clé secrète %1 : %2</translation>
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
        <translation>Le secret enregistré ne correspond pas à la clé secrète (%1) : il a été modifié ou scellé avec une autre clé.</translation>
    </message>
</context>
<context>
    <name>sb::SecretVault</name>
    <message>
        <source>The keychain did not give the password of %1: %2</source>
        <translation>Le trousseau n’a pas fourni le mot de passe de %1 : %2</translation>
    </message>
</context>
<context>
    <name>sb::Transaction</name>
    <message>
        <source>No transaction is open.</source>
        <translation>Aucune transaction n’est ouverte.</translation>
    </message>
</context>
<context>
    <name>sb::ctl::CommandLine</name>
    <message>
        <source>SIP profile:   %1</source>
        <translation>Profil SIP :       %1</translation>
    </message>
    <message>
        <source>Department:    %1</source>
        <translation>Service :          %1</translation>
    </message>
    <message>
        <source>Balance:       %1</source>
        <translation>Solde :            %1</translation>
    </message>
    <message>
        <source>Authentication: IP %1, UDP port %2</source>
        <translation>Authentification : IP %1, port UDP %2</translation>
    </message>
    <message>
        <source>Authentication: registration as %1</source>
        <translation>Authentification : enregistrement en tant que %1</translation>
    </message>
    <message>
        <source>Outgoing calls: %1 channel(s), %2 a month; paid until %3%4</source>
        <translation>Appels sortants :  %1 canal(aux), %2 par mois ; payé jusqu’au %3%4</translation>
    </message>
    <message>
        <source> (renewal not paid: calls stopped)</source>
        <translation> (renouvellement impayé : appels interrompus)</translation>
    </message>
    <message>
        <source>Linked account: %1</source>
        <translation>Compte lié :       %1</translation>
    </message>
    <message>
        <source>Linked account: %1, extension %2</source>
        <translation>Compte lié :       %1, poste %2</translation>
    </message>
    <message>
        <source>Number:        %1</source>
        <translation>Numéro :           %1</translation>
    </message>
    <message>
        <source>Account:     %1</source>
        <translation>Compte :   %1</translation>
    </message>
    <message>
        <source>Name:        %1</source>
        <translation>Nom :      %1</translation>
    </message>
    <message>
        <source>E-mail:      %1</source>
        <translation>E-mail :   %1</translation>
    </message>
    <message>
        <source>Department:  %1</source>
        <translation>Service :  %1</translation>
    </message>
    <message>
        <source>Balance:     %1</source>
        <translation>Solde :    %1</translation>
    </message>
    <message>
        <source>Status:      %1</source>
        <translation>État :     %1</translation>
    </message>
    <message>
        <source>Auto-recharge: %1 when below %2, monthly limit %3, recharged this month %4</source>
        <translation>Recharge automatique : %1 lorsque le solde est inférieur à %2, limite mensuelle %3, rechargé ce mois-ci %4</translation>
    </message>
    <message>
        <source>Auto-recharge suspended until %1</source>
        <translation>Recharge automatique suspendue jusqu’au %1</translation>
    </message>
    <message>
        <source>Auto-recharge: off</source>
        <translation>Recharge automatique : désactivée</translation>
    </message>
    <message>
        <source>Usage: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC] [--json] COMMAND ...

Commands:
  init                                        create or upgrade the database
  balance                                     the company balance
  topup AMOUNT [--reference TEXT]             add bought credit to the company balance
  member add ACCOUNT --name NAME [--email E] [--department D]
  member list [--search TEXT]                 every member
  member show ACCOUNT                         one member
  member import FILE.csv [--dry-run]          all or nothing; the dry run lists every problem
  member export FILE.csv                      a CSV that member import reads back unchanged
  credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT to each member; all or nothing
  autorecharge set ACCOUNT --amount A --below T --monthly-limit L
  autorecharge off ACCOUNT
  billing run                                 renewals, expiries and monthly resets due by now
  activity [--limit N]                        the audit log, newest first
  number countries                            where numbers can be bought
  number areas COUNTRY                        area codes with place names and numbers left
  number prices COUNTRY                       price per billing period (1, 3, 12 months)
  number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]
  number assign E164 (--member ACCOUNT | --profile NAME)
  number cancel E164                          usable until the end of its period, no refund
  number list [--search TEXT] [--country CC]  every number the company has or had
  credit profile NAME AMOUNT                  company credit to a SIP profile
  profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]
  profile show NAME | profile list
  profile rename NAME NEWNAME | profile channels NAME N
  profile credentials NAME                    SIP username, password and servers
  profile pbx-config NAME [--format asterisk] ready-to-paste PBX configuration
  profile link NAME ACCOUNT [--extension DIGITS] | profile unlink NAME ACCOUNT
  profile delete NAME --yes [--export-history FILE.csv]
  demo [--members N] [--seed S]               fill the database with realistic generated data

The database defaults to $SWITCHBOARD_DATABASE, else the window&apos;s own SQLite file.
Exit status: 0 done, 1 refused (nothing changed), 2 usage error.</source>
        <translation>Utilisation : switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC] [--json] COMMAND ...

Commandes :
  init                                        créer ou mettre à niveau la base de données
  balance                                     le solde de l’entreprise
  topup AMOUNT [--reference TEXT]             ajouter le crédit acheté au solde de l’entreprise
  member add ACCOUNT --name NAME [--email E] [--department D]
  member list [--search TEXT]                 tous les membres
  member show ACCOUNT                         un membre
  member import FILE.csv [--dry-run]          tout ou rien ; l’essai à blanc liste chaque problème
  member export FILE.csv                      un CSV que member import relit sans changement
  credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT à chaque membre ; tout ou rien
  autorecharge set ACCOUNT --amount A --below T --monthly-limit L
  autorecharge off ACCOUNT
  billing run                                 renouvellements, expirations et remises à zéro mensuelles dus à ce jour
  activity [--limit N]                        le journal d’audit, le plus récent d’abord
  number countries                            pays où acheter des numéros
  number areas COUNTRY                        indicatifs régionaux, avec localité et numéros restants
  number prices COUNTRY                       prix par période de facturation (1, 3, 12 mois)
  number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]
  number assign E164 (--member ACCOUNT | --profile NAME)
  number cancel E164                          utilisable jusqu’à la fin de sa période, sans remboursement
  number list [--search TEXT] [--country CC]  tous les numéros que l’entreprise a ou a eus
  credit profile NAME AMOUNT                  crédit de l’entreprise vers un profil SIP
  profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]
  profile show NAME | profile list
  profile rename NAME NEWNAME | profile channels NAME N
  profile credentials NAME                    nom d’utilisateur SIP, mot de passe et serveurs
  profile pbx-config NAME [--format asterisk] configuration PBX prête à coller
  profile link NAME ACCOUNT [--extension DIGITS] | profile unlink NAME ACCOUNT
  profile delete NAME --yes [--export-history FILE.csv]
  demo [--members N] [--seed S]               remplir la base avec des données générées réalistes

Par défaut, la base de données est $SWITCHBOARD_DATABASE, sinon le fichier SQLite de la fenêtre.
Code de sortie : 0 terminé, 1 refusé (rien n’a changé), 2 erreur d’utilisation.</translation>
    </message>
    <message>
        <source>Try &apos;switchboardctl --help&apos;.</source>
        <translation>Essayez « switchboardctl --help ».</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>L’option %1 nécessite une valeur.</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>Option inconnue : %1.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an amount; write it like 12.50.</source>
        <translation>%1 : « %2 » n’est pas un montant ; écrivez-le comme 12.50.</translation>
    </message>
    <message>
        <source>--now: &quot;%1&quot; is not an ISO 8601 time such as 2026-12-01T09:00:00Z.</source>
        <translation>--now : « %1 » n’est pas une heure ISO 8601 comme 2026-12-01T09:00:00Z.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Aucune commande indiquée.</translation>
    </message>
    <message>
        <source>The command &apos;%1&apos; is not available in this version yet.</source>
        <translation>La commande « %1 » n’est pas encore disponible dans cette version.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Commande inconnue : « %1 ».</translation>
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
        <translation>Solde de l’entreprise : %1 %2</translation>
    </message>
    <message>
        <source>Usage: topup AMOUNT [--reference TEXT]</source>
        <translation>Utilisation : topup AMOUNT [--reference TEXT]</translation>
    </message>
    <message>
        <source>topup</source>
        <translation>topup</translation>
    </message>
    <message>
        <source>Added %1; company balance %2 %3</source>
        <translation>%1 ajouté ; solde de l’entreprise %2 %3</translation>
    </message>
    <message>
        <source>Usage: member add|list|show|import|export ...</source>
        <translation>Utilisation : member add|list|show|import|export ...</translation>
    </message>
    <message>
        <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D]</source>
        <translation>Utilisation : member add ACCOUNT --name NAME [--email E] [--department D]</translation>
    </message>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>Membre %1 (%2) ajouté.</translation>
    </message>
    <message>
        <source>Usage: member list [--search TEXT]</source>
        <translation>Utilisation : member list [--search TEXT]</translation>
    </message>
    <message>
        <source>Usage: member show ACCOUNT</source>
        <translation>Utilisation : member show ACCOUNT</translation>
    </message>
    <message>
        <source>Usage: member import FILE.csv [--dry-run]</source>
        <translation>Utilisation : member import FILE.csv [--dry-run]</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <source>Dry run: %1 member(s) would be added, %2 line(s) have problems; nothing was written.</source>
        <translation>Essai à blanc : membres à ajouter : %1 ; lignes avec des problèmes : %2 ; rien n’a été écrit.</translation>
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
            <numerusform>%n ligne comporte des problèmes ; rien n’a été importé.</numerusform>
            <numerusform>%n lignes comportent des problèmes ; rien n’a été importé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: member export FILE.csv</source>
        <translation>Utilisation : member export FILE.csv</translation>
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
        <translation>Commande member inconnue : « %1 ».</translation>
    </message>
    <message>
        <source>Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</source>
        <translation>Utilisation : credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</translation>
    </message>
    <message>
        <source>credit allocate</source>
        <translation>credit allocate</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all; company balance %3.</source>
        <translation>
            <numerusform>%1 attribué à %n membre, %2 au total ; solde de l’entreprise %3.</numerusform>
            <numerusform>%1 attribué à chacun des %n membres, %2 au total ; solde de l’entreprise %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: autorecharge set|off ACCOUNT ...</source>
        <translation>Utilisation : autorecharge set|off ACCOUNT ...</translation>
    </message>
    <message>
        <source>Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</source>
        <translation>Utilisation : autorecharge set ACCOUNT --amount A --below T --monthly-limit L</translation>
    </message>
    <message>
        <source>Auto-recharge saved and enabled for %1.</source>
        <translation>Recharge automatique enregistrée et activée pour %1.</translation>
    </message>
    <message>
        <source>Usage: autorecharge off ACCOUNT</source>
        <translation>Utilisation : autorecharge off ACCOUNT</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1.</source>
        <translation>Recharge automatique désactivée pour %1.</translation>
    </message>
    <message>
        <source>Unknown autorecharge command &apos;%1&apos;.</source>
        <translation>Commande autorecharge inconnue : « %1 ».</translation>
    </message>
    <message>
        <source>Usage: billing run</source>
        <translation>Utilisation : billing run</translation>
    </message>
    <message>
        <source>Billing run done: %1 number(s) renewed for %2, %3 released, %4 expired unpaid; %5 monthly limit(s) reset, %6 suspension(s) ended, %7 recharged.</source>
        <translation>Facturation terminée : numéros renouvelés : %1 (pour %2), libérés : %3, expirés faute de paiement : %4 ; limites mensuelles remises à zéro : %5, suspensions levées : %6, montant rechargé : %7.</translation>
    </message>
    <message>
        <source>Usage: activity [--limit N]</source>
        <translation>Utilisation : activity [--limit N]</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 100000.</source>
        <translation>--limit : « %1 » n’est pas un nombre de 1 à 100000.</translation>
    </message>
    <message>
        <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]</source>
        <translation>Utilisation : demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 0 to 1000000.</source>
        <translation>%1 : « %2 » n’est pas un nombre de 0 à 1000000.</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a whole number.</source>
        <translation>--seed : « %1 » n’est pas un nombre entier.</translation>
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
        <translation>Utilisation : number countries|areas|prices|buy|assign|cancel|list ...</translation>
    </message>
    <message>
        <source>Name exactly one holder: --member ACCOUNT or --profile NAME.</source>
        <translation>Indiquez un seul titulaire : --member ACCOUNT ou --profile NAME.</translation>
    </message>
    <message>
        <source>Usage: number countries</source>
        <translation>Utilisation : number countries</translation>
    </message>
    <message>
        <source>	(terms must be accepted)</source>
        <translation>	(conditions à accepter)</translation>
    </message>
    <message>
        <source>Usage: number %1 COUNTRY</source>
        <translation>Utilisation : number %1 COUNTRY</translation>
    </message>
    <message>
        <source>%1	%2	%3 available</source>
        <translation>%1	%2	disponibles : %3</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n mois : %1</numerusform>
            <numerusform>%n mois : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</source>
        <translation>Utilisation : number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</translation>
    </message>
    <message>
        <source>--months: &quot;%1&quot; is not 1, 3 or 12.</source>
        <translation>--months : « %1 » ne vaut ni 1, ni 3, ni 12.</translation>
    </message>
    <message>
        <source>Bought %1 (%2) for %3, paid %4; it renews on %5.</source>
        <translation>%1 (%2) acheté pour %3, %4 payé ; renouvellement le %5.</translation>
    </message>
    <message>
        <source>Usage: number assign E164 (--member ACCOUNT | --profile NAME)</source>
        <translation>Utilisation : number assign E164 (--member ACCOUNT | --profile NAME)</translation>
    </message>
    <message>
        <source>Reminder: the terms of numbers in %1 (for example a local address) still apply to the new holder.</source>
        <translation>Rappel : pour les numéros de ce pays (%1), les conditions (par exemple une adresse locale) s’appliquent toujours au nouveau titulaire.</translation>
    </message>
    <message>
        <source>Reminder: the number&apos;s terms still apply to the new holder.</source>
        <translation>Rappel : les conditions du numéro s’appliquent toujours au nouveau titulaire.</translation>
    </message>
    <message>
        <source>%1 now belongs to %2.</source>
        <translation>%1 appartient maintenant à %2.</translation>
    </message>
    <message>
        <source>Usage: number cancel E164</source>
        <translation>Utilisation : number cancel E164</translation>
    </message>
    <message>
        <source>%1 is cancelled: usable until %2, then released. No refund.</source>
        <translation>%1 est résilié : utilisable jusqu’au %2, puis libéré. Aucun remboursement.</translation>
    </message>
    <message>
        <source>Usage: number list [--search TEXT] [--country CC]</source>
        <translation>Utilisation : number list [--search TEXT] [--country CC]</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>résilié</translation>
    </message>
    <message>
        <source>Unknown number command &apos;%1&apos;.</source>
        <translation>Commande number inconnue : « %1 ».</translation>
    </message>
    <message>
        <source>Usage: credit profile NAME AMOUNT</source>
        <translation>Utilisation : credit profile NAME AMOUNT</translation>
    </message>
    <message>
        <source>credit profile</source>
        <translation>credit profile</translation>
    </message>
    <message>
        <source>Allocated %1 to %2; its balance is %3.</source>
        <translation>%1 attribué à %2 ; son solde est de %3.</translation>
    </message>
    <message>
        <source>Usage: profile create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ...</source>
        <translation>Utilisation : profile create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ...</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1 : « %2 » n’est pas un nombre entier.</translation>
    </message>
    <message>
        <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]</source>
        <translation>Utilisation : profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]</translation>
    </message>
    <message>
        <source>--port goes with --ip (IP authentication).</source>
        <translation>--port s’utilise avec --ip (authentification par IP).</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 with %n channel(s); the company paid %2.</source>
        <translation>
            <numerusform>Profil SIP %1 créé avec %n canal ; l’entreprise a payé %2.</numerusform>
            <numerusform>Profil SIP %1 créé avec %n canaux ; l’entreprise a payé %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP username %1. Show the password with: switchboardctl profile credentials &quot;%2&quot;</source>
        <translation>Nom d’utilisateur SIP : %1. Affichez le mot de passe avec : switchboardctl profile credentials &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Usage: profile list</source>
        <translation>Utilisation : profile list</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME ...</source>
        <translation>Utilisation : profile %1 NAME ...</translation>
    </message>
    <message>
        <source>Usage: profile show NAME</source>
        <translation>Utilisation : profile show NAME</translation>
    </message>
    <message>
        <source>Usage: profile rename NAME NEWNAME</source>
        <translation>Utilisation : profile rename NAME NEWNAME</translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation>Renommé en %1.</translation>
    </message>
    <message>
        <source>Usage: profile channels NAME N</source>
        <translation>Utilisation : profile channels NAME N</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>canaux</translation>
    </message>
    <message>
        <source>%1 now has %2 channel(s) (was %3): paid %4, next payment on %5.</source>
        <translation>Nombre de canaux de %1 : %2 (avant : %3) ; %4 payé, prochain paiement le %5.</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME</source>
        <translation>Utilisation : profile %1 NAME</translation>
    </message>
    <message>
        <source>--format: only &quot;asterisk&quot; (PJSIP) is available.</source>
        <translation>--format : seul « asterisk » (PJSIP) est disponible.</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from %1, UDP port %2.</source>
        <translation>Authentification par IP : le fournisseur accepte les appels de %1, port UDP %2.</translation>
    </message>
    <message>
        <source>Username: %1
Password: %2</source>
        <translation>Nom d’utilisateur : %1
Mot de passe : %2</translation>
    </message>
    <message>
        <source>SIP servers: %1</source>
        <translation>Serveurs SIP : %1</translation>
    </message>
    <message>
        <source>Usage: profile link NAME ACCOUNT [--extension DIGITS]</source>
        <translation>Utilisation : profile link NAME ACCOUNT [--extension DIGITS]</translation>
    </message>
    <message>
        <source>Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.</source>
        <translation>%1 lié à %2 : ses appels et ses numéros sont acheminés vers le PBX ; la connexion est désactivée.</translation>
    </message>
    <message>
        <source>Usage: profile unlink NAME ACCOUNT</source>
        <translation>Utilisation : profile unlink NAME ACCOUNT</translation>
    </message>
    <message>
        <source>Unlinked %1 from %2; sign-in is restored.</source>
        <translation>%1 dissocié de %2 ; la connexion est rétablie.</translation>
    </message>
    <message>
        <source>Usage: profile delete NAME --yes [--export-history FILE.csv]</source>
        <translation>Utilisation : profile delete NAME --yes [--export-history FILE.csv]</translation>
    </message>
    <message>
        <source>Deleting %1 would return %2 to the company balance, put %3 number(s) back in the pool, unlink %4 account(s) and delete %5 call record(s). Add --yes to delete.</source>
        <translation>Supprimer %1 rendrait %2 au solde de l’entreprise ; numéros remis dans la réserve : %3 ; comptes dissociés : %4 ; relevés d’appels supprimés : %5. Ajoutez --yes pour supprimer.</translation>
    </message>
    <message>
        <source>Deleted %1: %2 returned to the company balance, %3 number(s) back in the pool, %4 account(s) unlinked, %5 call record(s) deleted.</source>
        <translation>%1 supprimé : %2 rendu au solde de l’entreprise ; numéros remis dans la réserve : %3 ; comptes dissociés : %4 ; relevés d’appels supprimés : %5.</translation>
    </message>
    <message>
        <source>Unknown profile command &apos;%1&apos;.</source>
        <translation>Commande profile inconnue : « %1 ».</translation>
    </message>
</context>
<context>
    <name>sb::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Search who, action, subject or details (Ctrl+F)</source>
        <translation>Rechercher qui, action, objet ou détails (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Rechercher dans l’activité</translation>
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
        <translation>Le nom de compte sert à la connexion du membre : 6 à 32 caractères commençant par une lettre ; lettres, chiffres, « . », « _ » et « - ».</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nom de &amp;compte :</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom &amp;affiché :</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>De&amp;partment:</source>
        <translation>&amp;Service :</translation>
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
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
            <numerusform>Attribuer du crédit à %n membre : %1</numerusform>
            <numerusform>Attribuer du crédit à %n membres : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>« %1 » n’est pas un montant. Saisissez-le comme %2.</translation>
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
            <numerusform>Total : %1 (%2 × %n membre)</numerusform>
            <numerusform>Total : %1 (%2 × %n membres)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Total : —</translation>
    </message>
    <message>
        <source>Company balance: %1, after the allocation: %2.</source>
        <translation>Solde de l’entreprise : %1, après l’attribution : %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Solde de l’entreprise : %1.</translation>
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
        <translation>&amp;Montant par membre (%1) :</translation>
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
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
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
        <translation>« %1 » n’est pas un montant. Saisissez-le comme %2.</translation>
    </message>
    <message>
        <source>Whenever the balance of %1 is below %2, %3 moves from the company balance to the member, at most %4 each calendar month.</source>
        <translation>Chaque fois que le solde de %1 est inférieur à %2, %3 passe du solde de l’entreprise au membre, au plus %4 par mois civil.</translation>
    </message>
    <message>
        <source>The balance is %1 now, below the threshold: the recharge happens as soon as you save.</source>
        <translation>Le solde est de %1, sous le seuil : la recharge a lieu dès l’enregistrement.</translation>
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
        <translation>La recharge automatique est activée. Rechargé ce mois-ci : %1 sur %2.</translation>
    </message>
    <message>
        <source>The monthly recharge limit is reached: auto-recharge is suspended until %1.</source>
        <translation>La limite de recharge mensuelle est atteinte : la recharge automatique est suspendue jusqu’au %1.</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>État actuel</translation>
    </message>
    <message>
        <source>&amp;Recharge the account with (%1):</source>
        <translation>&amp;Recharger le compte de ce membre de (%1) :</translation>
    </message>
    <message>
        <source>&amp;When the balance is below:</source>
        <translation>&amp;Lorsque son solde est inférieur à :</translation>
    </message>
    <message>
        <source>&amp;Monthly recharge limit:</source>
        <translation>Limite de recharge &amp;mensuelle :</translation>
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
        <source>Problem</source>
        <translation>Problème</translation>
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
            <numerusform>%1 : %n problème trouvé. Rien ne sera importé tant que chaque ligne n’est pas correcte ; corrigez le fichier et importez-le à nouveau.</numerusform>
            <numerusform>%1 : %n problèmes trouvés. Rien ne sera importé tant que chaque ligne n’est pas correcte ; corrigez le fichier et importez-le à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lists no members to import.</source>
        <translation>%1 ne contient aucun membre à importer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is ready: %n member(s) can be imported.</source>
        <translation>
            <numerusform>%1 est prêt : %n membre peut être importé.</numerusform>
            <numerusform>%1 est prêt : %n membres peuvent être importés.</numerusform>
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
    <name>sb::ui::MainWindow</name>
    <message>
        <source>About Switchboard</source>
        <translation>À propos de Switchboard</translation>
    </message>
    <message>
        <source>Switchboard %1

Runs a company&apos;s business calling account: the company balance, members and their credit.</source>
        <translation>Switchboard %1

Gère le compte d’appels professionnel d’une entreprise : le solde de l’entreprise, les membres et leur crédit.</translation>
    </message>
    <message>
        <source>Company balance: %1</source>
        <translation>Solde de l’entreprise : %1</translation>
    </message>
    <message>
        <source>Company balance: unknown (%1)</source>
        <translation>Solde de l’entreprise : inconnu (%1)</translation>
    </message>
    <message>
        <source>What the company can still give to members. Top up to add bought credit.</source>
        <translation>Ce que l’entreprise peut encore attribuer aux membres. Rechargez pour ajouter le crédit acheté.</translation>
    </message>
    <message>
        <source>Billing could not run: %1</source>
        <translation>La facturation n’a pas pu s’exécuter : %1</translation>
    </message>
    <message>
        <source>Billing: %1</source>
        <translation>Facturation : %1</translation>
    </message>
    <message numerus="yes">
        <source>Billing: %n monthly recharge limit(s) started afresh.</source>
        <translation>
            <numerusform>Facturation : %n limite de recharge mensuelle remise à zéro.</numerusform>
            <numerusform>Facturation : %n limites de recharge mensuelles remises à zéro.</numerusform>
        </translation>
    </message>
    <message>
        <source>Billing: nothing was due.</source>
        <translation>Facturation : rien n’était dû.</translation>
    </message>
    <message>
        <source>Topped up %1. Company balance: %2.</source>
        <translation>%1 ajouté. Solde de l’entreprise : %2.</translation>
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
        <translation>&amp;Affichage</translation>
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
        <translation>Traiter tout ce qui est dû à ce jour : limites mensuelles, renouvellements</translation>
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
        <translation>Base de données : %1</translation>
    </message>
    <message numerus="yes">
        <source>The demo account is ready: %Ln member(s).</source>
        <translation>
            <numerusform>Le compte de démonstration est prêt : %Ln membre.</numerusform>
            <numerusform>Le compte de démonstration est prêt : %Ln membres.</numerusform>
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
            <numerusform>%1 attribué à %n membre, %2 au total. Solde de l’entreprise : %3.</numerusform>
            <numerusform>%1 attribué à chacun des %n membres, %2 au total. Solde de l’entreprise : %3.</numerusform>
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
            <numerusform>Rien n’a été importé de %1 : %n problème, ligne %2 : %3</numerusform>
            <numerusform>Rien n’a été importé de %1 : %n problèmes, le premier ligne %2 : %3</numerusform>
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
        <translation>&amp;Recharge automatique…</translation>
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
        <translation>Les membres ne peuvent pas être affichés : %1</translation>
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
</context>
<context>
    <name>sb::ui::PlaceholderPage</name>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>Coming here: buy phone numbers for members and SIP profiles — choose the country, the area and 1, 3 or 12 months, each with its price — reassign them, and cancel them at the end of their paid period.

This part of Switchboard is not available yet.</source>
        <translation>Bientôt ici : achetez des numéros pour les membres et les profils SIP — choisissez le pays, l’indicatif régional et 1, 3 ou 12 mois, chacun avec son prix —, réattribuez-les et résiliez-les à la fin de leur période payée.

Cette partie de Switchboard n’est pas encore disponible.</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>Profils SIP</translation>
    </message>
    <message>
        <source>Coming here: the SIP trunks that connect the office PBX — registration or IP authentication, channels, their own credit, linked accounts for incoming calls, US minute bundles and ready-to-paste PBX configuration.

This part of Switchboard is not available yet.</source>
        <translation>Bientôt ici : les trunks SIP qui relient le PBX du bureau — enregistrement ou authentification par IP, canaux, crédit propre, comptes liés pour les appels entrants, forfaits de minutes vers les États-Unis et configuration PBX prête à coller.

Cette partie de Switchboard n’est pas encore disponible.</translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Appels et rapports</translation>
    </message>
    <message>
        <source>Coming here: import of the PBX&apos;s call records, rating, call history with filters, reports and charts of what was spent, and advice on bundles and channels.

This part of Switchboard is not available yet.</source>
        <translation>Bientôt ici : import des relevés d’appels du PBX, tarification, historique des appels avec filtres, rapports et graphiques des dépenses, et conseils sur les forfaits et les canaux.

Cette partie de Switchboard n’est pas encore disponible.</translation>
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
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>The language of the window; money and dates follow it.</source>
        <translation>La langue de la fenêtre ; les montants et les dates la suivent.</translation>
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
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>file path or postgresql://…</source>
        <translation>chemin de fichier ou postgresql://…</translation>
    </message>
    <message>
        <source>&amp;Switch</source>
        <translation>&amp;Changer</translation>
    </message>
    <message>
        <source>Switch to this database</source>
        <translation>Utiliser cette base de données</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>Utilisée : %1</translation>
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
        <source>The provider&apos;s SIP servers and the mail server are used by SIP profiles and by sending credentials, which come in a later version.</source>
        <translation>Les serveurs SIP du fournisseur et le serveur de messagerie servent aux profils SIP et à l’envoi des identifiants, prévus dans une version ultérieure.</translation>
    </message>
    <message>
        <source>SIP servers:</source>
        <translation>Serveurs SIP :</translation>
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
        <source>Mail server:</source>
        <translation>Serveur de messagerie :</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
</context>
<context>
    <name>sb::ui::TopUpDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>« %1 » n’est pas un montant. Saisissez-le comme %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1. After the top-up: %2.</source>
        <translation>Solde de l’entreprise actuel : %1. Après le rechargement : %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1.</source>
        <translation>Solde de l’entreprise actuel : %1.</translation>
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
        <translation>&amp;Montant (%1) :</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Référence :</translation>
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
        <source>Problem</source>
        <translation>Problème</translation>
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
            <numerusform>Switchboard gère le compte d’appels de votre entreprise : le solde de l’entreprise, les membres et le crédit que vous leur attribuez.

Ce compte est encore vide. Vous pouvez d’abord explorer un compte de démonstration avec %n membre fictif, ou commencer tout de suite avec vos propres membres.</numerusform>
            <numerusform>Switchboard gère le compte d’appels de votre entreprise : le solde de l’entreprise, les membres et le crédit que vous leur attribuez.

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
