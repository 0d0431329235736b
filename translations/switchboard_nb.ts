<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>main</name>
    <message>
        <source>Switchboard cannot start</source>
        <translation>Switchboard kan ikke starte</translation>
    </message>
</context>
<context>
    <name>sb::ActivityLog</name>
    <message>
        <source>Company top-up</source>
        <translation>Påfyll av firmasaldo</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Medlem lagt til</translation>
    </message>
    <message>
        <source>Members imported</source>
        <translation>Medlemmer importert</translation>
    </message>
    <message>
        <source>Credit allocated</source>
        <translation>Kreditt tildelt</translation>
    </message>
    <message>
        <source>Member charged</source>
        <translation>Medlem belastet</translation>
    </message>
    <message>
        <source>Auto-recharge enabled</source>
        <translation>Automatisk påfyll slått på</translation>
    </message>
    <message>
        <source>Auto-recharge turned off</source>
        <translation>Automatisk påfyll slått av</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Automatisk påfyll</translation>
    </message>
    <message>
        <source>Auto-recharge not paid</source>
        <translation>Automatisk påfyll ikke betalt</translation>
    </message>
    <message>
        <source>Auto-recharge suspended</source>
        <translation>Automatisk påfyll stanset</translation>
    </message>
    <message>
        <source>Auto-recharge resumed</source>
        <translation>Automatisk påfyll gjenopptatt</translation>
    </message>
    <message>
        <source>Demo data generated</source>
        <translation>Demodata laget</translation>
    </message>
</context>
<context>
    <name>sb::ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Gjelder</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>sb::CompanyService</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Beløpet må være større enn null.</translation>
    </message>
    <message>
        <source>%1 is more than one operation may move (at most %2).</source>
        <translation>%1 er mer enn én operasjon kan flytte (høyst %2).</translation>
    </message>
    <message>
        <source>The reference is too long (at most 200 characters).</source>
        <translation>Referansen er for lang (høyst 200 tegn).</translation>
    </message>
    <message>
        <source>Top-up of %1</source>
        <translation>Påfyll på %1</translation>
    </message>
    <message>
        <source>Top-up of %1, reference %2</source>
        <translation>Påfyll på %1, referanse %2</translation>
    </message>
</context>
<context>
    <name>sb::CreditService</name>
    <message>
        <source>Recharge amount: %1</source>
        <translation>Påfyllsbeløp: %1</translation>
    </message>
    <message>
        <source>The threshold cannot be negative.</source>
        <translation>Grensen kan ikke være negativ.</translation>
    </message>
    <message>
        <source>The threshold %1 is too large.</source>
        <translation>Grensen %1 er for høy.</translation>
    </message>
    <message>
        <source>Monthly limit: %1</source>
        <translation>Månedlig grense: %1</translation>
    </message>
    <message>
        <source>The monthly limit (%1) must be at least the recharge amount (%2).</source>
        <translation>Den månedlige grensen (%1) må være minst like stor som påfyllsbeløpet (%2).</translation>
    </message>
    <message>
        <source>Choose at least one member.</source>
        <translation>Velg minst ett medlem.</translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; is listed more than once.</source>
        <translation>Medlemmet «%1» står mer enn én gang på listen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 for each of %n members is more than one operation may move.</source>
        <translation>
            <numerusform>%1 til %n medlem er mer enn én operasjon kan flytte.</numerusform>
            <numerusform>%1 til hvert av %n medlemmer er mer enn én operasjon kan flytte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Nobody was given credit.</source>
        <translation>
            <numerusform>Firmasaldoen (%1) dekker ikke %2 til %n medlem (%3 i alt). Ingen fikk kreditt.</numerusform>
            <numerusform>Firmasaldoen (%1) dekker ikke %2 til hvert av %n medlemmer (%3 i alt). Ingen fikk kreditt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Allocated %1 to %2; new balance %3</source>
        <translation>Tildelte %1 til %2; ny saldo %3</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 resumed for the new month</source>
        <translation>Automatisk påfyll for %1 gjenopptatt for den nye måneden</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Firmasaldoen (%1) kan ikke betale det automatiske påfyllet på %2 for %3.</translation>
    </message>
    <message>
        <source>Recharged %1 with %2; new balance %3</source>
        <translation>Fylte på %1 med %2; ny saldo %3</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>Den månedlige påfyllsgrensen på %1 for %2 er nådd; automatisk påfyll er stanset til %3.</translation>
    </message>
    <message>
        <source>Recharged %1 with %2.</source>
        <translation>Fylte på %1 med %2.</translation>
    </message>
    <message>
        <source>The balance of %1 (%2) is too low for a charge of %3.</source>
        <translation>Saldoen til %1 (%2) er for lav til en belastning på %3.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
        <translation>Automatisk påfyll for %1: %2 når saldoen er under %3, høyst %4 per måned</translation>
    </message>
    <message>
        <source>Auto-recharge is not on for %1.</source>
        <translation>Automatisk påfyll er ikke på for %1.</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1</source>
        <translation>Automatisk påfyll slått av for %1</translation>
    </message>
</context>
<context>
    <name>sb::Database</name>
    <message>
        <source>No database was given.</source>
        <translation>Ingen database er angitt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL address of the form postgresql://user[:password]@host[:port]/database.</source>
        <translation>«%1» er ikke en PostgreSQL-adresse på formen postgresql://bruker[:passord]@vert[:port]/database.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>PostgreSQL-driveren (QPSQL) er ikke installert.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Kan ikke opprette mappen %1.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Kan ikke åpne databasen %1: %2</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Databasefeil: %1</translation>
    </message>
</context>
<context>
    <name>sb::DemoGenerator</name>
    <message>
        <source>The number of demo members must be between 0 and 1000000.</source>
        <translation>Antall demomedlemmer må være mellom 0 og 1000000.</translation>
    </message>
    <message>
        <source>Generating the demo was cancelled; nothing was written.</source>
        <translation>Genereringen av demoen ble avbrutt; ingenting ble skrevet.</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n demo member(s)</source>
        <translation>
            <numerusform>Genererte %n demomedlem</numerusform>
            <numerusform>Genererte %n demomedlemmer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::Ledger</name>
    <message>
        <source>Account %1 does not exist.</source>
        <translation>Kontoen %1 finnes ikke.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Beløpet må være større enn null.</translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation>Saldoen er for lav til %1.</translation>
    </message>
</context>
<context>
    <name>sb::MemberService</name>
    <message>
        <source>The account name is empty.</source>
        <translation>Kontonavnet er tomt.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must be 6 to 32 characters long.</source>
        <translation>Kontonavnet «%1» må være 6 til 32 tegn langt.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must start with a letter.</source>
        <translation>Kontonavnet «%1» må begynne med en bokstav.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Kontonavnet «%1» kan bare inneholde bokstaver, sifre, «.», «_» og «-».</translation>
    </message>
    <message>
        <source>The display name is empty.</source>
        <translation>Visningsnavnet er tomt.</translation>
    </message>
    <message>
        <source>The display name is too long (at most 100 characters).</source>
        <translation>Visningsnavnet er for langt (høyst 100 tegn).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>«%1» er ikke en e-postadresse.</translation>
    </message>
    <message>
        <source>The department is too long (at most 100 characters).</source>
        <translation>Avdelingsnavnet er for langt (høyst 100 tegn).</translation>
    </message>
    <message>
        <source>A member with the account name &quot;%1&quot; already exists.</source>
        <translation>Det finnes allerede et medlem med kontonavnet «%1».</translation>
    </message>
    <message>
        <source>Added member %1 (%2)</source>
        <translation>La til medlemmet %1 (%2)</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Det finnes ikke noe medlem med kontonavnet «%1».</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan ikke lese %1: %2</translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation>Et felt i anførselstegn blir aldri avsluttet.</translation>
    </message>
    <message>
        <source>The file is empty: it needs the header line account,name,email,department.</source>
        <translation>Filen er tom: den trenger overskriftslinjen account,name,email,department.</translation>
    </message>
    <message>
        <source>The first line must name the columns: account,name,email,department.</source>
        <translation>Den første linjen må navngi kolonnene: account,name,email,department.</translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2.</source>
        <translation>Ventet %1 felt, fant %2.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; appears more than once in the file.</source>
        <translation>Kontonavnet «%1» forekommer mer enn én gang i filen.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Importen ble avbrutt; ingenting ble importert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>Importerte %n medlem</numerusform>
            <numerusform>Importerte %n medlemmer</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Eksporten ble avbrutt; ingen fil ble skrevet.</translation>
    </message>
</context>
<context>
    <name>sb::MembersModel</name>
    <message>
        <source>Linked</source>
        <translation>Koblet</translation>
    </message>
    <message>
        <source>Linked to %1</source>
        <translation>Koblet til %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Suspended until %1</source>
        <translation>Stanset til %1</translation>
    </message>
    <message>
        <source>%1 below %2, limit %3</source>
        <translation>%1 under %2, grense %3</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Avdeling</translation>
    </message>
    <message>
        <source>Balance (%1)</source>
        <translation>Saldo (%1)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Automatisk påfyll</translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (nasjonalt: %2)</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numre</translation>
    </message>
</context>
<context>
    <name>sb::Migrations</name>
    <message>
        <source>The database %1 was written by a newer version of Switchboard (schema %2; this version knows up to %3). It was left untouched: use a newer Switchboard to open it.</source>
        <translation>Databasen %1 ble skrevet av en nyere versjon av Switchboard (skjema %2; denne versjonen kjenner skjemaer til og med %3). Den ble ikke endret: åpne den med en nyere versjon av Switchboard.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation>Oppgraderingen av databasen til skjema %1 mislyktes: %2</translation>
    </message>
</context>
<context>
    <name>sb::NumberCatalogue</name>
    <message>
        <source>United States</source>
        <translation>USA</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Storbritannia</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Tyskland</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankrike</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Nederland</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>Norge</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Polen</translation>
    </message>
</context>
<context>
    <name>sb::NumberService</name>
    <message>
        <source>Numbers are not sold in &quot;%1&quot;. Countries: %2.</source>
        <translation>Det selges ikke numre i «%1». Land: %2.</translation>
    </message>
    <message>
        <source>The price list has no prices for numbers in %1.</source>
        <translation>Prislisten har ingen priser for numre i %1.</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Det finnes ikke noe medlem med kontonavnet «%1».</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Det finnes ingen SIP-profil med navnet «%1».</translation>
    </message>
    <message>
        <source>Choose a member or a SIP profile to hold the number.</source>
        <translation>Velg et medlem eller en SIP-profil som skal ha nummeret.</translation>
    </message>
    <message>
        <source>%1 has no area code &quot;%2&quot; on offer. Area codes: %3.</source>
        <translation>Retningsnummeret «%2» tilbys ikke i %1. Retningsnumre: %3.</translation>
    </message>
    <message>
        <source>Numbers are billed for 1, 3 or 12 months, not %1.</source>
        <translation>Numre faktureres for 1, 3 eller 12 måneder, ikke %1.</translation>
    </message>
    <message>
        <source>The price list has no %1-month price for numbers in %2.</source>
        <translation>Prislisten har ingen pris for %1 måneder for numre i %2.</translation>
    </message>
    <message>
        <source>Choose at least one member or SIP profile to receive a number.</source>
        <translation>Velg minst ett medlem eller én SIP-profil som skal få et nummer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is chosen twice; each gets one number.</source>
        <translation>«%1» er valgt to ganger; hver får ett nummer.</translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept the terms (for example a local address). Accept the terms to buy.</source>
        <translation>Numre i %1 krever at innehaveren godtar vilkårene (for eksempel en lokal adresse). Godta vilkårene for å kjøpe.</translation>
    </message>
    <message>
        <source>That is too many numbers at once.</source>
        <translation>Det er for mange numre på én gang.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n number(s) at %2 (%3 in all). Nothing was bought.</source>
        <translation>
            <numerusform>Firmasaldoen (%1) kan ikke betale %n nummer à %2 (%3 i alt). Ingenting ble kjøpt.</numerusform>
            <numerusform>Firmasaldoen (%1) kan ikke betale %n numre à %2 (%3 i alt). Ingenting ble kjøpt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 number(s) are left in area %2 (%3); %4 are needed. Nothing was bought.</source>
        <translation>Ledige numre med retningsnummer %2 (%3): %1; det trengs %4. Ingenting ble kjøpt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n month(s)</source>
        <translation>
            <numerusform>%1 for %n måned</numerusform>
            <numerusform>%1 for %n måneder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %1 for %2 (%n month(s), %3); renews on %4</source>
        <translation>
            <numerusform>Kjøpte %1 til %2 (%n måned, %3); fornyes %4</numerusform>
            <numerusform>Kjøpte %1 til %2 (%n måneder, %3); fornyes %4</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in international form, such as +12125550100.</source>
        <translation>«%1» er ikke et telefonnummer i internasjonalt format, for eksempel +12125550100.</translation>
    </message>
    <message>
        <source>The number %1 is not one of the company&apos;s numbers.</source>
        <translation>Nummeret %1 er ikke et av firmaets numre.</translation>
    </message>
    <message>
        <source>%1 already holds %2.</source>
        <translation>%1 har allerede %2.</translation>
    </message>
    <message>
        <source>the pool</source>
        <translation>beholdningen</translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3</source>
        <translation>Tildelte %1 på nytt fra %2 til %3</translation>
    </message>
    <message>
        <source>%1 is already cancelled; it stays usable until %2.</source>
        <translation>%1 er allerede sagt opp; det kan brukes til %2.</translation>
    </message>
    <message>
        <source>Cancelled %1; usable until %2, then released, no refund</source>
        <translation>Sa opp %1; kan brukes til %2, frigis deretter, ingen refusjon</translation>
    </message>
    <message>
        <source>%1 was cancelled; its period ended on %2 and it returned to the pool</source>
        <translation>%1 var sagt opp; perioden endte %2, og nummeret gikk tilbake til beholdningen</translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation>%1 kunne ikke fornyes: firmasaldoen (%2) kan ikke betale %3. Nummeret er utløpt og gikk tilbake til beholdningen.</translation>
    </message>
    <message>
        <source>Renewal of %1</source>
        <translation>Fornyelse av %1</translation>
    </message>
    <message>
        <source>Renewed %1 for %2; next renewal on %3</source>
        <translation>Fornyet %1 for %2; neste fornyelse %3</translation>
    </message>
</context>
<context>
    <name>sb::NumbersModel</name>
    <message>
        <source>Released</source>
        <translation>Frigitt</translation>
    </message>
    <message>
        <source>Cancelled: usable until %1</source>
        <translation>Sagt opp: kan brukes til %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
    </message>
    <message>
        <source>%1 → SIP profile %2 (linked)</source>
        <translation>%1 → SIP-profil %2 (koblet)</translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation>SIP-profil %1</translation>
    </message>
    <message>
        <source>Company pool (unassigned)</source>
        <translation>Firmaets beholdning (ikke tildelt)</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n måned</numerusform>
            <numerusform>%n måneder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (nasjonalt: %2)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Retningsnummer</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Innehaver</translation>
    </message>
    <message>
        <source>Billed every</source>
        <translation>Fakturering</translation>
    </message>
    <message>
        <source>Paid until</source>
        <translation>Betalt til</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>sb::PriceList</name>
    <message>
        <source>The price list is not valid JSON: %1</source>
        <translation>Prislisten er ikke gyldig JSON: %1</translation>
    </message>
    <message>
        <source>The price list has no valid %1-month price for %2.</source>
        <translation>Prislisten har ingen gyldig pris for %1 måneder for %2.</translation>
    </message>
    <message>
        <source>The price list needs positive bundle and channel prices.</source>
        <translation>Prislisten må ha positive priser for pakker og kanaler.</translation>
    </message>
    <message>
        <source>The price list has a malformed rate for prefix &quot;%1&quot;.</source>
        <translation>Prislisten har en ugyldig takst for prefikset «%1».</translation>
    </message>
</context>
<context>
    <name>sb::ProfileService</name>
    <message>
        <source>The SIP profile needs a name.</source>
        <translation>SIP-profilen må ha et navn.</translation>
    </message>
    <message>
        <source>The SIP profile name is too long (at most 64 characters).</source>
        <translation>Navnet på SIP-profilen er for langt (høyst 64 tegn).</translation>
    </message>
    <message>
        <source>The SIP profile name may not contain control characters.</source>
        <translation>Navnet på SIP-profilen kan ikke inneholde kontrolltegn.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address such as 203.0.113.10.</source>
        <translation>«%1» er ikke en IPv4-adresse som 203.0.113.10.</translation>
    </message>
    <message>
        <source>a &quot;this network&quot; address</source>
        <translation>en «dette nettverket»-adresse</translation>
    </message>
    <message>
        <source>a private address</source>
        <translation>en privat adresse</translation>
    </message>
    <message>
        <source>a carrier-grade NAT (shared) address</source>
        <translation>en CGNAT-adresse (delt)</translation>
    </message>
    <message>
        <source>a loopback address</source>
        <translation>en loopback-adresse</translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation>en lenkelokal adresse</translation>
    </message>
    <message>
        <source>a reserved (IETF protocol) address</source>
        <translation>en reservert adresse (IETF-protokoll)</translation>
    </message>
    <message>
        <source>a documentation address</source>
        <translation>en dokumentasjonsadresse</translation>
    </message>
    <message>
        <source>a benchmarking address</source>
        <translation>en adresse for ytelsestesting</translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation>en multicast-adresse</translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation>en reservert adresse</translation>
    </message>
    <message>
        <source>%1 is %2 (%3): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er %2 (%3): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>The UDP port must be from 1 to 65535 (usually 5060), not %1.</source>
        <translation>UDP-porten må være fra 1 til 65535 (vanligvis 5060), ikke %1.</translation>
    </message>
    <message>
        <source>A SIP profile has from %1 to %2 channels, not %3.</source>
        <translation>En SIP-profil har fra %1 til %2 kanaler, ikke %3.</translation>
    </message>
    <message>
        <source>The extension &quot;%1&quot; may only contain digits (at most 20).</source>
        <translation>Internnummeret «%1» kan bare inneholde sifre (høyst 20).</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Det finnes ingen SIP-profil med navnet «%1».</translation>
    </message>
    <message>
        <source>A SIP profile named &quot;%1&quot; already exists.</source>
        <translation>Det finnes allerede en SIP-profil med navnet «%1».</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). No SIP profile was created.</source>
        <translation>
            <numerusform>Firmasaldoen (%1) kan ikke betale %n kanal for den første måneden (%2). Ingen SIP-profil ble opprettet.</numerusform>
            <numerusform>Firmasaldoen (%1) kan ikke betale %n kanaler for den første måneden (%2). Ingen SIP-profil ble opprettet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for %1</source>
        <translation>
            <numerusform>%n kanal for %1</numerusform>
            <numerusform>%n kanaler for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>IP authentication from %1:%2</source>
        <translation>IP-autentisering fra %1:%2</translation>
    </message>
    <message>
        <source>registration as %1</source>
        <translation>registrering som %1</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 (%2) with %n channel(s), paid %3</source>
        <translation>
            <numerusform>Opprettet SIP-profil %1 (%2) med %n kanal, betalte %3</numerusform>
            <numerusform>Opprettet SIP-profil %1 (%2) med %n kanaler, betalte %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile is already named &quot;%1&quot;.</source>
        <translation>SIP-profilen heter allerede «%1».</translation>
    </message>
    <message>
        <source>Renamed SIP profile %1 to %2</source>
        <translation>Endret navnet på SIP-profil %1 til %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n channel(s).</source>
        <translation>
            <numerusform>%1 har allerede %n kanal.</numerusform>
            <numerusform>%1 har allerede %n kanaler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for a month (%2). The channels were not changed.</source>
        <translation>
            <numerusform>Firmasaldoen (%1) kan ikke betale %n kanal for en måned (%2). Kanalene ble ikke endret.</numerusform>
            <numerusform>Firmasaldoen (%1) kan ikke betale %n kanaler for en måned (%2). Kanalene ble ikke endret.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
        <translation>Endret %1 fra %2 til %3 kanaler; betalte %4 til %5</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
        <translation>Firmasaldoen (%1) dekker ikke %2 til %3. Ingenting ble tildelt.</translation>
    </message>
    <message>
        <source>Allocated %1 to SIP profile %2; new balance %3</source>
        <translation>Tildelte %1 til SIP-profil %2; ny saldo %3</translation>
    </message>
    <message>
        <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
        <translation>Kontoen %1 er allerede koblet til SIP-profilen %2; en konto kan bare kobles til én SIP-profil.</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2; sign-in disabled</source>
        <translation>Koblet %1 til SIP-profil %2; pålogging deaktivert</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
        <translation>Koblet %1 til SIP-profil %2 på internnummer %3; pålogging deaktivert</translation>
    </message>
    <message>
        <source>The account %1 is not linked to the SIP profile %2.</source>
        <translation>Kontoen %1 er ikke koblet til SIP-profilen %2.</translation>
    </message>
    <message>
        <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
        <translation>Koblet %1 fra SIP-profil %2; pålogging gjenopprettet</translation>
    </message>
    <message>
        <source>Credit of deleted SIP profile %1</source>
        <translation>Kreditt fra slettet SIP-profil %1</translation>
    </message>
    <message>
        <source>Deleted SIP profile %1: %2 returned to the company, %3 number(s) back in the pool, %4 account(s) unlinked, %5 call record(s) deleted</source>
        <translation>Slettet SIP-profil %1: %2 tilbake til firmaet; numre tilbake i beholdningen: %3; kontoer koblet fra: %4; samtaleposter slettet: %5</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>Kanalene til %1 kunne ikke fornyes: firmasaldoen (%2) kan ikke betale %3. Utgående samtaler gjennom profilen stopper til kanalene er betalt.</translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n channel(s) for %1</source>
        <translation>
            <numerusform>Fornyelse av %n kanal for %1</numerusform>
            <numerusform>Fornyelse av %n kanaler for %1</numerusform>
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
        <translation>Registrering</translation>
    </message>
    <message>
        <source>%1 (unpaid)</source>
        <translation>%1 (ikke betalt)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Avdeling</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Autentisering</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Monthly cost (%1)</source>
        <translation>Månedskostnad (%1)</translation>
    </message>
    <message>
        <source>Balance (%1)</source>
        <translation>Saldo (%1)</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Koblede kontoer</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numre</translation>
    </message>
</context>
<context>
    <name>sb::ProviderSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as sip.example.net:5060.</source>
        <translation>«%1» er ikke en serveradresse som sip.example.net:5060.</translation>
    </message>
    <message>
        <source>The port of &quot;%1&quot; must be from 1 to 65535.</source>
        <translation>Porten i «%1» må være fra 1 til 65535.</translation>
    </message>
    <message>
        <source>Name at least one SIP server.</source>
        <translation>Oppgi minst én SIP-server.</translation>
    </message>
</context>
<context>
    <name>sb::SealedSecret</name>
    <message>
        <source>The secret key file %1 is damaged.</source>
        <translation>Den hemmelige nøkkelfilen %1 er skadet.</translation>
    </message>
    <message>
        <source>The secret key file %1 is missing: stored SIP passwords cannot be read.</source>
        <translation>Den hemmelige nøkkelfilen %1 mangler: lagrede SIP-passord kan ikke leses.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Kan ikke opprette mappen for %1.</translation>
    </message>
    <message>
        <source>Cannot write the secret key file %1: %2</source>
        <translation>Kan ikke skrive den hemmelige nøkkelfilen %1: %2</translation>
    </message>
    <message>
        <source>The stored secret has an unknown format.</source>
        <translation>Den lagrede hemmeligheten har et ukjent format.</translation>
    </message>
    <message>
        <source>The stored secret is damaged.</source>
        <translation>Den lagrede hemmeligheten er skadet.</translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1): it was altered or sealed with another key.</source>
        <translation>Den lagrede hemmeligheten passer ikke til den hemmelige nøkkelen (%1): den er endret eller forseglet med en annen nøkkel.</translation>
    </message>
</context>
<context>
    <name>sb::SecretVault</name>
    <message>
        <source>The keychain did not give the password of %1: %2</source>
        <translation>Nøkkelringen ga ikke ut passordet til %1: %2</translation>
    </message>
</context>
<context>
    <name>sb::Transaction</name>
    <message>
        <source>No transaction is open.</source>
        <translation>Ingen transaksjon er åpen.</translation>
    </message>
</context>
<context>
    <name>sb::ctl::CommandLine</name>
    <message>
        <source>SIP profile:   %1</source>
        <translation>SIP-profil:        %1</translation>
    </message>
    <message>
        <source>Department:    %1</source>
        <translation>Avdeling:          %1</translation>
    </message>
    <message>
        <source>Balance:       %1</source>
        <translation>Saldo:             %1</translation>
    </message>
    <message>
        <source>Authentication: IP %1, UDP port %2</source>
        <translation>Autentisering:     IP %1, UDP-port %2</translation>
    </message>
    <message>
        <source>Authentication: registration as %1</source>
        <translation>Autentisering:     registrering som %1</translation>
    </message>
    <message>
        <source>Outgoing calls: %1 channel(s), %2 a month; paid until %3%4</source>
        <translation>Utgående samtaler: %1 kanal(er), %2 per måned; betalt til %3%4</translation>
    </message>
    <message>
        <source> (renewal not paid: calls stopped)</source>
        <translation> (fornyelsen er ikke betalt: samtaler stoppet)</translation>
    </message>
    <message>
        <source>Linked account: %1</source>
        <translation>Koblet konto:      %1</translation>
    </message>
    <message>
        <source>Linked account: %1, extension %2</source>
        <translation>Koblet konto:      %1, internnummer %2</translation>
    </message>
    <message>
        <source>Number:        %1</source>
        <translation>Nummer:            %1</translation>
    </message>
    <message>
        <source>Account:     %1</source>
        <translation>Konto:     %1</translation>
    </message>
    <message>
        <source>Name:        %1</source>
        <translation>Navn:      %1</translation>
    </message>
    <message>
        <source>E-mail:      %1</source>
        <translation>E-post:    %1</translation>
    </message>
    <message>
        <source>Department:  %1</source>
        <translation>Avdeling:  %1</translation>
    </message>
    <message>
        <source>Balance:     %1</source>
        <translation>Saldo:     %1</translation>
    </message>
    <message>
        <source>Status:      %1</source>
        <translation>Status:    %1</translation>
    </message>
    <message>
        <source>Auto-recharge: %1 when below %2, monthly limit %3, recharged this month %4</source>
        <translation>Automatisk påfyll: %1 når saldoen er under %2, månedlig grense %3, påfylt denne måneden %4</translation>
    </message>
    <message>
        <source>Auto-recharge suspended until %1</source>
        <translation>Automatisk påfyll stanset til %1</translation>
    </message>
    <message>
        <source>Auto-recharge: off</source>
        <translation>Automatisk påfyll: av</translation>
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
        <translation>Bruk: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC] [--json] COMMAND ...

Kommandoer:
  init                                        opprett eller oppgrader databasen
  balance                                     firmasaldoen
  topup AMOUNT [--reference TEXT]             legg kjøpt kreditt til firmasaldoen
  member add ACCOUNT --name NAME [--email E] [--department D]
  member list [--search TEXT]                 alle medlemmer
  member show ACCOUNT                         ett medlem
  member import FILE.csv [--dry-run]          alt eller ingenting; prøvekjøringen viser alle problemer
  member export FILE.csv                      en CSV-fil som member import leser inn igjen uendret
  credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT til hvert medlem; alt eller ingenting
  autorecharge set ACCOUNT --amount A --below T --monthly-limit L
  autorecharge off ACCOUNT
  billing run                                 fornyelser, utløp og månedlige nullstillinger som har forfalt
  activity [--limit N]                        revisjonsloggen, nyeste først
  number countries                            land der numre kan kjøpes
  number areas COUNTRY                        retningsnumre med stedsnavn og ledige numre
  number prices COUNTRY                       pris per faktureringsperiode (1, 3, 12 måneder)
  number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]
  number assign E164 (--member ACCOUNT | --profile NAME)
  number cancel E164                          kan brukes til slutten av perioden, ingen refusjon
  number list [--search TEXT] [--country CC]  alle numre firmaet har eller har hatt
  credit profile NAME AMOUNT                  firmakreditt til en SIP-profil
  profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]
  profile show NAME | profile list
  profile rename NAME NEWNAME | profile channels NAME N
  profile credentials NAME                    SIP-brukernavn, passord og servere
  profile pbx-config NAME [--format asterisk] ferdig PBX-oppsett å lime inn
  profile link NAME ACCOUNT [--extension DIGITS] | profile unlink NAME ACCOUNT
  profile delete NAME --yes [--export-history FILE.csv]
  demo [--members N] [--seed S]               fyll databasen med realistiske genererte data

Databasen er som standard $SWITCHBOARD_DATABASE, ellers vinduets egen SQLite-fil.
Avslutningsstatus: 0 utført, 1 avvist (ingenting endret), 2 bruksfeil.</translation>
    </message>
    <message>
        <source>Try &apos;switchboardctl --help&apos;.</source>
        <translation>Prøv «switchboardctl --help».</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>Valget %1 trenger en verdi.</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>Ukjent valg %1.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an amount; write it like 12.50.</source>
        <translation>%1: «%2» er ikke et beløp; skriv det som 12.50.</translation>
    </message>
    <message>
        <source>--now: &quot;%1&quot; is not an ISO 8601 time such as 2026-12-01T09:00:00Z.</source>
        <translation>--now: «%1» er ikke et ISO 8601-tidspunkt som 2026-12-01T09:00:00Z.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Ingen kommando er angitt.</translation>
    </message>
    <message>
        <source>The command &apos;%1&apos; is not available in this version yet.</source>
        <translation>Kommandoen «%1» er ikke tilgjengelig i denne versjonen ennå.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Ukjent kommando «%1».</translation>
    </message>
    <message>
        <source>init takes no arguments.</source>
        <translation>init tar ingen argumenter.</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema %2).</source>
        <translation>Databasen %1 er klar (skjema %2).</translation>
    </message>
    <message>
        <source>balance takes no arguments.</source>
        <translation>balance tar ingen argumenter.</translation>
    </message>
    <message>
        <source>Company balance: %1 %2</source>
        <translation>Firmasaldo: %1 %2</translation>
    </message>
    <message>
        <source>Usage: topup AMOUNT [--reference TEXT]</source>
        <translation>Bruk: topup AMOUNT [--reference TEXT]</translation>
    </message>
    <message>
        <source>topup</source>
        <translation>topup</translation>
    </message>
    <message>
        <source>Added %1; company balance %2 %3</source>
        <translation>La til %1; firmasaldo %2 %3</translation>
    </message>
    <message>
        <source>Usage: member add|list|show|import|export ...</source>
        <translation>Bruk: member add|list|show|import|export ...</translation>
    </message>
    <message>
        <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D]</source>
        <translation>Bruk: member add ACCOUNT --name NAME [--email E] [--department D]</translation>
    </message>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>La til medlemmet %1 (%2).</translation>
    </message>
    <message>
        <source>Usage: member list [--search TEXT]</source>
        <translation>Bruk: member list [--search TEXT]</translation>
    </message>
    <message>
        <source>Usage: member show ACCOUNT</source>
        <translation>Bruk: member show ACCOUNT</translation>
    </message>
    <message>
        <source>Usage: member import FILE.csv [--dry-run]</source>
        <translation>Bruk: member import FILE.csv [--dry-run]</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>linje %1: %2</translation>
    </message>
    <message>
        <source>Dry run: %1 member(s) would be added, %2 line(s) have problems; nothing was written.</source>
        <translation>Prøvekjøring: medlemmer som ville blitt lagt til: %1; linjer med problemer: %2; ingenting ble skrevet.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s).</source>
        <translation>
            <numerusform>Importerte %n medlem.</numerusform>
            <numerusform>Importerte %n medlemmer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have problems; nothing was imported.</source>
        <translation>
            <numerusform>%n linje har problemer; ingenting ble importert.</numerusform>
            <numerusform>%n linjer har problemer; ingenting ble importert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: member export FILE.csv</source>
        <translation>Bruk: member export FILE.csv</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation>
            <numerusform>Eksporterte %n medlem til %1.</numerusform>
            <numerusform>Eksporterte %n medlemmer til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown member command &apos;%1&apos;.</source>
        <translation>Ukjent member-kommando «%1».</translation>
    </message>
    <message>
        <source>Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</source>
        <translation>Bruk: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</translation>
    </message>
    <message>
        <source>credit allocate</source>
        <translation>credit allocate</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all; company balance %3.</source>
        <translation>
            <numerusform>Tildelte %1 til %n medlem, %2 i alt; firmasaldo %3.</numerusform>
            <numerusform>Tildelte %1 til hvert av %n medlemmer, %2 i alt; firmasaldo %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: autorecharge set|off ACCOUNT ...</source>
        <translation>Bruk: autorecharge set|off ACCOUNT ...</translation>
    </message>
    <message>
        <source>Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</source>
        <translation>Bruk: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</translation>
    </message>
    <message>
        <source>Auto-recharge saved and enabled for %1.</source>
        <translation>Automatisk påfyll lagret og aktivert for %1.</translation>
    </message>
    <message>
        <source>Usage: autorecharge off ACCOUNT</source>
        <translation>Bruk: autorecharge off ACCOUNT</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1.</source>
        <translation>Automatisk påfyll slått av for %1.</translation>
    </message>
    <message>
        <source>Unknown autorecharge command &apos;%1&apos;.</source>
        <translation>Ukjent autorecharge-kommando «%1».</translation>
    </message>
    <message>
        <source>Usage: billing run</source>
        <translation>Bruk: billing run</translation>
    </message>
    <message>
        <source>Billing run done: %1 number(s) renewed for %2, %3 released, %4 expired unpaid; %5 monthly limit(s) reset, %6 suspension(s) ended, %7 recharged.</source>
        <translation>Faktureringen er ferdig: numre fornyet: %1 (for %2), frigitt: %3, utløpt ubetalt: %4; månedlige grenser nullstilt: %5, stansinger opphevet: %6, fylt på: %7.</translation>
    </message>
    <message>
        <source>Usage: activity [--limit N]</source>
        <translation>Bruk: activity [--limit N]</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 100000.</source>
        <translation>--limit: «%1» er ikke et tall fra 1 til 100000.</translation>
    </message>
    <message>
        <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]</source>
        <translation>Bruk: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 0 to 1000000.</source>
        <translation>%1: «%2» er ikke et tall fra 0 til 1000000.</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a whole number.</source>
        <translation>--seed: «%1» er ikke et heltall.</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.</source>
        <translation>
            <numerusform>Genererte %n medlem, %1 med automatisk påfyll, %2 i kreditt tildelt.</numerusform>
            <numerusform>Genererte %n medlemmer, %1 med automatisk påfyll, %2 i kreditt tildelt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number countries|areas|prices|buy|assign|cancel|list ...</source>
        <translation>Bruk: number countries|areas|prices|buy|assign|cancel|list ...</translation>
    </message>
    <message>
        <source>Name exactly one holder: --member ACCOUNT or --profile NAME.</source>
        <translation>Oppgi nøyaktig én innehaver: --member ACCOUNT eller --profile NAME.</translation>
    </message>
    <message>
        <source>Usage: number countries</source>
        <translation>Bruk: number countries</translation>
    </message>
    <message>
        <source>	(terms must be accepted)</source>
        <translation>	(vilkår må godtas)</translation>
    </message>
    <message>
        <source>Usage: number %1 COUNTRY</source>
        <translation>Bruk: number %1 COUNTRY</translation>
    </message>
    <message>
        <source>%1	%2	%3 available</source>
        <translation>%1	%2	%3 ledige</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n måned: %1</numerusform>
            <numerusform>%n måneder: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</source>
        <translation>Bruk: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</translation>
    </message>
    <message>
        <source>--months: &quot;%1&quot; is not 1, 3 or 12.</source>
        <translation>--months: «%1» er ikke 1, 3 eller 12.</translation>
    </message>
    <message>
        <source>Bought %1 (%2) for %3, paid %4; it renews on %5.</source>
        <translation>Kjøpte %1 (%2) til %3, betalte %4; fornyes %5.</translation>
    </message>
    <message>
        <source>Usage: number assign E164 (--member ACCOUNT | --profile NAME)</source>
        <translation>Bruk: number assign E164 (--member ACCOUNT | --profile NAME)</translation>
    </message>
    <message>
        <source>Reminder: the terms of numbers in %1 (for example a local address) still apply to the new holder.</source>
        <translation>Påminnelse: vilkårene for numre i %1 (for eksempel en lokal adresse) gjelder fortsatt for den nye innehaveren.</translation>
    </message>
    <message>
        <source>Reminder: the number&apos;s terms still apply to the new holder.</source>
        <translation>Påminnelse: nummerets vilkår gjelder fortsatt for den nye innehaveren.</translation>
    </message>
    <message>
        <source>%1 now belongs to %2.</source>
        <translation>%1 tilhører nå %2.</translation>
    </message>
    <message>
        <source>Usage: number cancel E164</source>
        <translation>Bruk: number cancel E164</translation>
    </message>
    <message>
        <source>%1 is cancelled: usable until %2, then released. No refund.</source>
        <translation>%1 er sagt opp: kan brukes til %2, frigis deretter. Ingen refusjon.</translation>
    </message>
    <message>
        <source>Usage: number list [--search TEXT] [--country CC]</source>
        <translation>Bruk: number list [--search TEXT] [--country CC]</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>sagt opp</translation>
    </message>
    <message>
        <source>Unknown number command &apos;%1&apos;.</source>
        <translation>Ukjent number-kommando «%1».</translation>
    </message>
    <message>
        <source>Usage: credit profile NAME AMOUNT</source>
        <translation>Bruk: credit profile NAME AMOUNT</translation>
    </message>
    <message>
        <source>credit profile</source>
        <translation>credit profile</translation>
    </message>
    <message>
        <source>Allocated %1 to %2; its balance is %3.</source>
        <translation>Tildelte %1 til %2; saldoen er nå %3.</translation>
    </message>
    <message>
        <source>Usage: profile create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ...</source>
        <translation>Bruk: profile create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ...</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1: «%2» er ikke et heltall.</translation>
    </message>
    <message>
        <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]</source>
        <translation>Bruk: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]</translation>
    </message>
    <message>
        <source>--port goes with --ip (IP authentication).</source>
        <translation>--port brukes sammen med --ip (IP-autentisering).</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 with %n channel(s); the company paid %2.</source>
        <translation>
            <numerusform>Opprettet SIP-profil %1 med %n kanal; firmaet betalte %2.</numerusform>
            <numerusform>Opprettet SIP-profil %1 med %n kanaler; firmaet betalte %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP username %1. Show the password with: switchboardctl profile credentials &quot;%2&quot;</source>
        <translation>SIP-brukernavn: %1. Vis passordet med: switchboardctl profile credentials &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Usage: profile list</source>
        <translation>Bruk: profile list</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME ...</source>
        <translation>Bruk: profile %1 NAME ...</translation>
    </message>
    <message>
        <source>Usage: profile show NAME</source>
        <translation>Bruk: profile show NAME</translation>
    </message>
    <message>
        <source>Usage: profile rename NAME NEWNAME</source>
        <translation>Bruk: profile rename NAME NEWNAME</translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation>Nytt navn: %1.</translation>
    </message>
    <message>
        <source>Usage: profile channels NAME N</source>
        <translation>Bruk: profile channels NAME N</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>kanaler</translation>
    </message>
    <message>
        <source>%1 now has %2 channel(s) (was %3): paid %4, next payment on %5.</source>
        <translation>Antall kanaler for %1 er nå %2 (var %3): betalte %4, neste betaling %5.</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME</source>
        <translation>Bruk: profile %1 NAME</translation>
    </message>
    <message>
        <source>--format: only &quot;asterisk&quot; (PJSIP) is available.</source>
        <translation>--format: bare «asterisk» (PJSIP) er tilgjengelig.</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from %1, UDP port %2.</source>
        <translation>IP-autentisering: leverandøren godtar samtaler fra %1, UDP-port %2.</translation>
    </message>
    <message>
        <source>Username: %1
Password: %2</source>
        <translation>Brukernavn: %1
Passord: %2</translation>
    </message>
    <message>
        <source>SIP servers: %1</source>
        <translation>SIP-servere: %1</translation>
    </message>
    <message>
        <source>Usage: profile link NAME ACCOUNT [--extension DIGITS]</source>
        <translation>Bruk: profile link NAME ACCOUNT [--extension DIGITS]</translation>
    </message>
    <message>
        <source>Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.</source>
        <translation>Koblet %1 til %2: samtalene og numrene rutes til PBX-en; pålogging er deaktivert.</translation>
    </message>
    <message>
        <source>Usage: profile unlink NAME ACCOUNT</source>
        <translation>Bruk: profile unlink NAME ACCOUNT</translation>
    </message>
    <message>
        <source>Unlinked %1 from %2; sign-in is restored.</source>
        <translation>Koblet %1 fra %2; pålogging er gjenopprettet.</translation>
    </message>
    <message>
        <source>Usage: profile delete NAME --yes [--export-history FILE.csv]</source>
        <translation>Bruk: profile delete NAME --yes [--export-history FILE.csv]</translation>
    </message>
    <message>
        <source>Deleting %1 would return %2 to the company balance, put %3 number(s) back in the pool, unlink %4 account(s) and delete %5 call record(s). Add --yes to delete.</source>
        <translation>Sletting av %1 vil gi %2 tilbake til firmasaldoen; numre tilbake i beholdningen: %3; kontoer som kobles fra: %4; samtaleposter som slettes: %5. Legg til --yes for å slette.</translation>
    </message>
    <message>
        <source>Deleted %1: %2 returned to the company balance, %3 number(s) back in the pool, %4 account(s) unlinked, %5 call record(s) deleted.</source>
        <translation>Slettet %1: %2 tilbake til firmasaldoen; numre tilbake i beholdningen: %3; kontoer koblet fra: %4; samtaleposter slettet: %5.</translation>
    </message>
    <message>
        <source>Unknown profile command &apos;%1&apos;.</source>
        <translation>Ukjent profile-kommando «%1».</translation>
    </message>
</context>
<context>
    <name>sb::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Search who, action, subject or details (Ctrl+F)</source>
        <translation>Søk etter hvem, handling, hva det gjelder eller detaljer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Søk i aktiviteten</translation>
    </message>
</context>
<context>
    <name>sb::ui::AddMemberDialog</name>
    <message>
        <source>Add member</source>
        <translation>Legg til medlem</translation>
    </message>
    <message>
        <source>The account name is how the member signs in: 6 to 32 characters, starting with a letter; letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Kontonavnet er det medlemmet logger på med: 6 til 32 tegn som begynner med en bokstav; bokstaver, sifre, «.», «_» og «-».</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Kontonavn:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Visningsnavn:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>De&amp;partment:</source>
        <translation>&amp;Avdeling:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontonavn</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>f.eks. %1</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Visningsnavn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valgfritt</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Avdeling</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
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
            <numerusform>%1 og %n til</numerusform>
            <numerusform>%1 og %n til</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give credit to %n member(s): %1</source>
        <translation>
            <numerusform>Gi kreditt til %n medlem: %1</numerusform>
            <numerusform>Gi kreditt til %n medlemmer: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>«%1» er ikke et beløp. Skriv det som %2.</translation>
    </message>
    <message>
        <source>The total is too large.</source>
        <translation>Summen er for stor.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Top up the company balance first, or give less.</source>
        <translation>
            <numerusform>Firmasaldoen (%1) dekker ikke %2 til %n medlem (%3 i alt). Fyll på firmasaldoen først, eller gi mindre.</numerusform>
            <numerusform>Firmasaldoen (%1) dekker ikke %2 til hvert av %n medlemmer (%3 i alt). Fyll på firmasaldoen først, eller gi mindre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%2 × %n member(s))</source>
        <translation>
            <numerusform>Sum: %1 (%2 × %n medlem)</numerusform>
            <numerusform>Sum: %1 (%2 × %n medlemmer)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Sum: —</translation>
    </message>
    <message>
        <source>Company balance: %1, after the allocation: %2.</source>
        <translation>Firmasaldo: %1, etter tildelingen: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Firmasaldo: %1.</translation>
    </message>
    <message>
        <source>Allocate %1</source>
        <translation>Tildel %1</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Tildel</translation>
    </message>
    <message>
        <source>Allocate credit</source>
        <translation>Tildel kreditt</translation>
    </message>
    <message>
        <source>&amp;Amount for each member (%1):</source>
        <translation>&amp;Beløp til hvert medlem (%1):</translation>
    </message>
    <message>
        <source>Amount for each member</source>
        <translation>Beløp til hvert medlem</translation>
    </message>
    <message>
        <source>Selected members</source>
        <translation>Valgte medlemmer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Sum</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Firmasaldo</translation>
    </message>
    <message>
        <source>The amount is deducted from the company balance at once and added to each member. Allocated credit cannot be taken back from a member.</source>
        <translation>Beløpet trekkes fra firmasaldoen med en gang og legges til hvert medlem. Tildelt kreditt kan ikke tas tilbake fra et medlem.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>sb::ui::AmountEdit</name>
    <message>
        <source>e.g. %1</source>
        <translation>f.eks. %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::AutoRechargeDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>«%1» er ikke et beløp. Skriv det som %2.</translation>
    </message>
    <message>
        <source>Whenever the balance of %1 is below %2, %3 moves from the company balance to the member, at most %4 each calendar month.</source>
        <translation>Hver gang saldoen til %1 er under %2, flyttes %3 fra firmasaldoen til medlemmet, høyst %4 per kalendermåned.</translation>
    </message>
    <message>
        <source>The balance is %1 now, below the threshold: the recharge happens as soon as you save.</source>
        <translation>Saldoen er %1 nå, under grensen: påfyllet skjer straks du lagrer.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1</source>
        <translation>Automatisk påfyll for %1</translation>
    </message>
    <message>
        <source>%1 (%2) has %3.</source>
        <translation>%1 (%2) har %3.</translation>
    </message>
    <message>
        <source>Auto-recharge is off.</source>
        <translation>Automatisk påfyll er av.</translation>
    </message>
    <message>
        <source>Auto-recharge is on. Recharged this month: %1 of %2.</source>
        <translation>Automatisk påfyll er på. Fylt på denne måneden: %1 av %2.</translation>
    </message>
    <message>
        <source>The monthly recharge limit is reached: auto-recharge is suspended until %1.</source>
        <translation>Den månedlige påfyllsgrensen er nådd: automatisk påfyll er stanset til %1.</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Nåværende tilstand</translation>
    </message>
    <message>
        <source>&amp;Recharge the account with (%1):</source>
        <translation>&amp;Fyll på kontoen med (%1):</translation>
    </message>
    <message>
        <source>&amp;When the balance is below:</source>
        <translation>&amp;Når saldoen er under:</translation>
    </message>
    <message>
        <source>&amp;Monthly recharge limit:</source>
        <translation>&amp;Månedlig påfyllsgrense:</translation>
    </message>
    <message>
        <source>Recharge amount</source>
        <translation>Påfyllsbeløp</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Grense</translation>
    </message>
    <message>
        <source>Monthly recharge limit</source>
        <translation>Månedlig påfyllsgrense</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Hva som vil skje</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save and enable</source>
        <translation>Lagre og aktiver</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Slå av</translation>
    </message>
    <message>
        <source>Turn off auto-recharge</source>
        <translation>Slå av automatisk påfyll</translation>
    </message>
</context>
<context>
    <name>sb::ui::BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter …</translation>
    </message>
</context>
<context>
    <name>sb::ui::DashboardPage</name>
    <message>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Ingenting har skjedd ennå.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Oversikt</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Firmasaldo</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <source>Credit held by members</source>
        <translation>Kreditt hos medlemmene</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Siste aktivitet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>sb::ui::ImportMembersDialog</name>
    <message>
        <source>%1 cannot be imported.</source>
        <translation>%1 kan ikke importeres.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s) found. Nothing will be imported until every line is right; fix the file and import it again.</source>
        <translation>
            <numerusform>%1: %n problem funnet. Ingenting importeres før alle linjene er riktige; rett filen og importer den på nytt.</numerusform>
            <numerusform>%1: %n problemer funnet. Ingenting importeres før alle linjene er riktige; rett filen og importer den på nytt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lists no members to import.</source>
        <translation>%1 inneholder ingen medlemmer å importere.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is ready: %n member(s) can be imported.</source>
        <translation>
            <numerusform>%1 er klar: %n medlem kan importeres.</numerusform>
            <numerusform>%1 er klar: %n medlemmer kan importeres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>Importer %n medlem</numerusform>
            <numerusform>Importer %n medlemmer</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importer medlemmer</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Problems by line</source>
        <translation>Problemer per linje</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>sb::ui::MainWindow</name>
    <message>
        <source>About Switchboard</source>
        <translation>Om Switchboard</translation>
    </message>
    <message>
        <source>Switchboard %1

Runs a company&apos;s business calling account: the company balance, members and their credit.</source>
        <translation>Switchboard %1

Styrer firmaets bedriftskonto for samtaler: firmasaldoen, medlemmene og kreditten deres.</translation>
    </message>
    <message>
        <source>Company balance: %1</source>
        <translation>Firmasaldo: %1</translation>
    </message>
    <message>
        <source>Company balance: unknown (%1)</source>
        <translation>Firmasaldo: ukjent (%1)</translation>
    </message>
    <message>
        <source>What the company can still give to members. Top up to add bought credit.</source>
        <translation>Det firmaet ennå kan gi til medlemmene. Fyll på for å legge til kjøpt kreditt.</translation>
    </message>
    <message>
        <source>Billing could not run: %1</source>
        <translation>Faktureringen kunne ikke kjøres: %1</translation>
    </message>
    <message>
        <source>Billing: %1</source>
        <translation>Fakturering: %1</translation>
    </message>
    <message numerus="yes">
        <source>Billing: %n monthly recharge limit(s) started afresh.</source>
        <translation>
            <numerusform>Fakturering: %n månedlig påfyllsgrense startet på nytt.</numerusform>
            <numerusform>Fakturering: %n månedlige påfyllsgrenser startet på nytt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Billing: nothing was due.</source>
        <translation>Fakturering: ingenting forfalt.</translation>
    </message>
    <message>
        <source>Topped up %1. Company balance: %2.</source>
        <translation>Fylte på %1. Firmasaldo: %2.</translation>
    </message>
    <message>
        <source>Now using %1.</source>
        <translation>Bruker nå %1.</translation>
    </message>
    <message>
        <source>Creating the demo account…</source>
        <translation>Lager demokontoen …</translation>
    </message>
    <message>
        <source>There is no such page.</source>
        <translation>Den siden finnes ikke.</translation>
    </message>
    <message>
        <source>The window could not be rendered.</source>
        <translation>Vinduet kunne ikke tegnes.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Kan ikke skrive %1.</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Oversikt</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numre</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>SIP-profiler</translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Samtaler og rapporter</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Show %1 (%2)</source>
        <translation>Vis %1 (%2)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigasjon</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>F&amp;irma</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Medlemmer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>Hovedverktøylinje</translation>
    </message>
    <message>
        <source>&amp;Top up…</source>
        <translation>&amp;Fyll på …</translation>
    </message>
    <message>
        <source>Add bought credit to the company balance (%1)</source>
        <translation>Legg kjøpt kreditt til firmasaldoen (%1)</translation>
    </message>
    <message>
        <source>Run &amp;billing now</source>
        <translation>Kjør &amp;fakturering nå</translation>
    </message>
    <message>
        <source>Process everything due up to now: monthly limits, renewals</source>
        <translation>Behandle alt som har forfalt til nå: månedsgrenser, fornyelser</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Søk</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Om Switchboard</translation>
    </message>
    <message>
        <source>The database in use</source>
        <translation>Databasen som er i bruk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message numerus="yes">
        <source>The demo account is ready: %Ln member(s).</source>
        <translation>
            <numerusform>Demokontoen er klar: %Ln medlem.</numerusform>
            <numerusform>Demokontoen er klar: %Ln medlemmer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::MembersPage</name>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>La til medlemmet %1 (%2).</translation>
    </message>
    <message>
        <source>Select the members to give credit to first.</source>
        <translation>Velg først medlemmene som skal få kreditt.</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all. Company balance: %3.</source>
        <translation>
            <numerusform>Tildelte %1 til %n medlem, %2 i alt. Firmasaldo: %3.</numerusform>
            <numerusform>Tildelte %1 til hvert av %n medlemmer, %2 i alt. Firmasaldo: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one member to set up auto-recharge.</source>
        <translation>Velg ett medlem for å sette opp automatisk påfyll.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is off.</source>
        <translation>Automatisk påfyll for %1 er av.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is on.</source>
        <translation>Automatisk påfyll for %1 er på.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is on. %2</source>
        <translation>Automatisk påfyll for %1 er på. %2</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importer medlemmer</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Eksporter medlemmer</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Kontrollerer %1 …</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importerer %1 …</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from %1: %n problem(s), the first on line %2: %3</source>
        <translation>
            <numerusform>Ingenting ble importert fra %1: %n problem, på linje %2: %3</numerusform>
            <numerusform>Ingenting ble importert fra %1: %n problemer, det første på linje %2: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Eksporterer til %1 …</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <source>Search by account, name, e-mail or department (Ctrl+F)</source>
        <translation>Søk etter konto, navn, e-post eller avdeling (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search members</source>
        <translation>Søk i medlemmer</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>&amp;Legg til medlem …</translation>
    </message>
    <message>
        <source>Add a member (%1)</source>
        <translation>Legg til et medlem (%1)</translation>
    </message>
    <message>
        <source>Allocate &amp;credit…</source>
        <translation>Tildel &amp;kreditt …</translation>
    </message>
    <message>
        <source>Give credit from the company balance to the selected members (%1)</source>
        <translation>Gi kreditt fra firmasaldoen til de valgte medlemmene (%1)</translation>
    </message>
    <message>
        <source>Auto-&amp;recharge…</source>
        <translation>Automatisk &amp;påfyll …</translation>
    </message>
    <message>
        <source>Set up auto-recharge for the selected member (%1)</source>
        <translation>Sett opp automatisk påfyll for det valgte medlemmet (%1)</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>&amp;Importer medlemmer …</translation>
    </message>
    <message>
        <source>Import members from a CSV file (%1)</source>
        <translation>Importer medlemmer fra en CSV-fil (%1)</translation>
    </message>
    <message>
        <source>&amp;Export members…</source>
        <translation>&amp;Eksporter medlemmer …</translation>
    </message>
    <message>
        <source>Export every member to a CSV file (%1)</source>
        <translation>Eksporter alle medlemmene til en CSV-fil (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln medlem</numerusform>
            <numerusform>%Ln medlemmer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>%Ln medlem funnet</numerusform>
            <numerusform>%Ln medlemmer funnet</numerusform>
        </translation>
    </message>
    <message>
        <source>The members cannot be shown: %1</source>
        <translation>Medlemmene kan ikke vises: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln member(s) from %1.</source>
        <translation>
            <numerusform>Importerte %Ln medlem fra %1.</numerusform>
            <numerusform>Importerte %Ln medlemmer fra %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln member(s) to %1.</source>
        <translation>
            <numerusform>Eksporterte %Ln medlem til %1.</numerusform>
            <numerusform>Eksporterte %Ln medlemmer til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the members who get a number first.</source>
        <translation>Velg først medlemmene som skal få et nummer.</translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation>Kjøp &amp;numre …</translation>
    </message>
    <message>
        <source>Buy a phone number for each selected member</source>
        <translation>Kjøp et telefonnummer til hvert valgte medlem</translation>
    </message>
</context>
<context>
    <name>sb::ui::PlaceholderPage</name>
    <message>
        <source>Numbers</source>
        <translation>Numre</translation>
    </message>
    <message>
        <source>Coming here: buy phone numbers for members and SIP profiles — choose the country, the area and 1, 3 or 12 months, each with its price — reassign them, and cancel them at the end of their paid period.

This part of Switchboard is not available yet.</source>
        <translation>Kommer her: kjøp telefonnumre til medlemmer og SIP-profiler — velg land, retningsnummer og 1, 3 eller 12 måneder, hver med sin pris — tildel dem på nytt, og si dem opp ved slutten av den betalte perioden.

Denne delen av Switchboard er ikke tilgjengelig ennå.</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>SIP-profiler</translation>
    </message>
    <message>
        <source>Coming here: the SIP trunks that connect the office PBX — registration or IP authentication, channels, their own credit, linked accounts for incoming calls, US minute bundles and ready-to-paste PBX configuration.

This part of Switchboard is not available yet.</source>
        <translation>Kommer her: SIP-trunkene som kobler til kontorets PBX — registrering eller IP-autentisering, kanaler, egen kreditt, koblede kontoer for innkommende samtaler, USA-minuttpakker og ferdig PBX-oppsett å lime inn.

Denne delen av Switchboard er ikke tilgjengelig ennå.</translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Samtaler og rapporter</translation>
    </message>
    <message>
        <source>Coming here: import of the PBX&apos;s call records, rating, call history with filters, reports and charts of what was spent, and advice on bundles and channels.

This part of Switchboard is not available yet.</source>
        <translation>Kommer her: import av PBX-ens samtaleposter, prising, samtalehistorikk med filtre, rapporter og diagrammer over forbruket, og råd om pakker og kanaler.

Denne delen av Switchboard er ikke tilgjengelig ennå.</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>The language of the window; money and dates follow it.</source>
        <translation>Vinduets språk; beløp og datoer følger det.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>An SQLite file for one admin, or postgresql://user:password@host:port/database for an office where several admins work at once.</source>
        <translation>En SQLite-fil for én administrator, eller postgresql://bruker:passord@vert:port/database for et kontor der flere administratorer arbeider samtidig.</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>file path or postgresql://…</source>
        <translation>filsti eller postgresql://…</translation>
    </message>
    <message>
        <source>&amp;Switch</source>
        <translation>&amp;Bytt</translation>
    </message>
    <message>
        <source>Switch to this database</source>
        <translation>Bytt til denne databasen</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>I bruk: %1</translation>
    </message>
    <message>
        <source>Database message</source>
        <translation>Melding om databasen</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Leverandør</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers and the mail server are used by SIP profiles and by sending credentials, which come in a later version.</source>
        <translation>Leverandørens SIP-servere og e-postserveren brukes av SIP-profiler og til å sende påloggingsopplysninger, som kommer i en senere versjon.</translation>
    </message>
    <message>
        <source>SIP servers:</source>
        <translation>SIP-servere:</translation>
    </message>
    <message>
        <source>SIP servers</source>
        <translation>SIP-servere</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>f.eks. %1</translation>
    </message>
    <message>
        <source>Mail server:</source>
        <translation>E-postserver:</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>E-postserver</translation>
    </message>
</context>
<context>
    <name>sb::ui::TopUpDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>«%1» er ikke et beløp. Skriv det som %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1. After the top-up: %2.</source>
        <translation>Firmasaldo nå: %1. Etter påfyllet: %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1.</source>
        <translation>Firmasaldo nå: %1.</translation>
    </message>
    <message>
        <source>Top up the company balance</source>
        <translation>Fyll på firmasaldoen</translation>
    </message>
    <message>
        <source>Record credit the company has bought. It is added to the company balance, from which members are given credit.</source>
        <translation>Registrer kreditt firmaet har kjøpt. Den legges til firmasaldoen, som medlemmene får kreditt fra.</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Beløp (%1):</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referanse:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>e.g. the invoice or order number</source>
        <translation>f.eks. faktura- eller ordrenummeret</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Firmasaldo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Fyll på</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>sb::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to Switchboard</source>
        <translation>Velkommen til Switchboard</translation>
    </message>
    <message numerus="yes">
        <source>Switchboard keeps your company&apos;s calling account: the company balance, the members and the credit you give them.

This account is still empty. You can look around in a demo account with %n made-up member(s) first, or start with your own members right away.</source>
        <translation>
            <numerusform>Switchboard fører firmaets samtalekonto: firmasaldoen, medlemmene og kreditten du gir dem.

Denne kontoen er fortsatt tom. Du kan se deg om i en demokonto med %n oppdiktet medlem først, eller begynne med dine egne medlemmer med en gang.</numerusform>
            <numerusform>Switchboard fører firmaets samtalekonto: firmasaldoen, medlemmene og kreditten du gir dem.

Denne kontoen er fortsatt tom. Du kan se deg om i en demokonto med %n oppdiktede medlemmer først, eller begynne med dine egne medlemmer med en gang.</numerusform>
        </translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Innledning</translation>
    </message>
    <message>
        <source>Open a &amp;demo account</source>
        <translation>Åpne en &amp;demokonto</translation>
    </message>
    <message>
        <source>Open a demo account</source>
        <translation>Åpne en demokonto</translation>
    </message>
    <message>
        <source>&amp;Start empty</source>
        <translation>&amp;Start tom</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Start tom</translation>
    </message>
</context>
</TS>
