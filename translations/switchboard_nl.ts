<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>main</name>
    <message>
        <source>Switchboard cannot start</source>
        <translation>Switchboard kan niet starten</translation>
    </message>
</context>
<context>
    <name>sb::ActivityLog</name>
    <message>
        <source>Company top-up</source>
        <translation>Opwaardering bedrijfssaldo</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Lid toegevoegd</translation>
    </message>
    <message>
        <source>Members imported</source>
        <translation>Leden geïmporteerd</translation>
    </message>
    <message>
        <source>Credit allocated</source>
        <translation>Tegoed toegewezen</translation>
    </message>
    <message>
        <source>Member charged</source>
        <translation>Lid belast</translation>
    </message>
    <message>
        <source>Auto-recharge enabled</source>
        <translation>Automatisch opwaarderen ingeschakeld</translation>
    </message>
    <message>
        <source>Auto-recharge turned off</source>
        <translation>Automatisch opwaarderen uitgeschakeld</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Automatisch opwaarderen</translation>
    </message>
    <message>
        <source>Auto-recharge not paid</source>
        <translation>Automatische opwaardering niet betaald</translation>
    </message>
    <message>
        <source>Auto-recharge suspended</source>
        <translation>Automatisch opwaarderen opgeschort</translation>
    </message>
    <message>
        <source>Auto-recharge resumed</source>
        <translation>Automatisch opwaarderen hervat</translation>
    </message>
    <message>
        <source>Demo data generated</source>
        <translation>Demogegevens aangemaakt</translation>
    </message>
    <message>
        <source>Top-up of %1, reference %2</source>
        <translation>Opwaardering van %1, referentie %2</translation>
    </message>
    <message>
        <source>Top-up of %1</source>
        <translation>Opwaardering van %1</translation>
    </message>
    <message>
        <source>Added member %1 (%2)</source>
        <translation>Lid %1 (%2) toegevoegd</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>%n lid geïmporteerd</numerusform>
            <numerusform>%n leden geïmporteerd</numerusform>
        </translation>
    </message>
    <message>
        <source>Allocated %1 to %2; new balance %3</source>
        <translation>%1 toegewezen aan %2; nieuw saldo %3</translation>
    </message>
    <message>
        <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
        <translation>Automatisch opwaarderen voor %1: %2 als het saldo lager is dan %3, maximaal %4 per maand</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1</source>
        <translation>Automatisch opwaarderen uitgeschakeld voor %1</translation>
    </message>
    <message>
        <source>Recharged %1 with %2; new balance %3</source>
        <translation>%1 opgewaardeerd met %2; nieuw saldo %3</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Het bedrijfssaldo (%1) kan de automatische opwaardering van %2 voor %3 niet betalen.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>De maandelijkse opwaardeerlimiet van %1 voor %2 is bereikt; automatisch opwaarderen is opgeschort tot %3.</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 resumed for the new month</source>
        <translation>Automatisch opwaarderen van %1 hervat voor de nieuwe maand</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n demo member(s)</source>
        <translation>
            <numerusform>%n demolid gegenereerd</numerusform>
            <numerusform>%n demoleden gegenereerd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %1 for %2 (%n month(s), %3); renews on %4</source>
        <translation>
            <numerusform>%1 gekocht voor %2 (%n maand, %3); wordt verlengd op %4</numerusform>
            <numerusform>%1 gekocht voor %2 (%n maanden, %3); wordt verlengd op %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3</source>
        <translation>%1 opnieuw toegewezen van %2 aan %3</translation>
    </message>
    <message>
        <source>Assigned %1 from the company&apos;s pool to %2</source>
        <translation>%1 uit de nummerpool van het bedrijf toegewezen aan %2</translation>
    </message>
    <message>
        <source>Cancelled %1; usable until %2, then released, no refund</source>
        <translation>%1 geannuleerd; bruikbaar tot %2, daarna vrijgegeven, geen terugbetaling</translation>
    </message>
    <message>
        <source>%1 was cancelled; its period ended on %2 and it returned to the pool</source>
        <translation>%1 was geannuleerd; de periode eindigde op %2 en het nummer is terug in de nummerpool</translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation>%1 kon niet worden verlengd: het bedrijfssaldo (%2) kan %3 niet betalen. Het nummer is vervallen en terug in de nummerpool.</translation>
    </message>
    <message>
        <source>Renewed %1 for %2; next renewal on %3</source>
        <translation>%1 verlengd voor %2; volgende verlenging op %3</translation>
    </message>
    <message>
        <source>IP authentication from %1:%2</source>
        <translation>IP-authenticatie vanaf %1:%2</translation>
    </message>
    <message>
        <source>registration as %1</source>
        <translation>registratie als %1</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 (%2) with %n channel(s), paid %3</source>
        <translation>
            <numerusform>SIP-profiel %1 gemaakt (%2) met %n kanaal, %3 betaald</numerusform>
            <numerusform>SIP-profiel %1 gemaakt (%2) met %n kanalen, %3 betaald</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed SIP profile %1 to %2</source>
        <translation>SIP-profiel %1 hernoemd naar %2</translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
        <translation>%1 gewijzigd van %2 naar %3 kanalen; %4 betaald tot %5</translation>
    </message>
    <message>
        <source>Allocated %1 to SIP profile %2; new balance %3</source>
        <translation>%1 toegewezen aan SIP-profiel %2; nieuw saldo %3</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
        <translation>%1 gekoppeld aan SIP-profiel %2 op toestelnummer %3; aanmelden uitgeschakeld</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2; sign-in disabled</source>
        <translation>%1 gekoppeld aan SIP-profiel %2; aanmelden uitgeschakeld</translation>
    </message>
    <message>
        <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
        <translation>%1 ontkoppeld van SIP-profiel %2; aanmelden hersteld</translation>
    </message>
    <message>
        <source>Deleted SIP profile %1. Returned to the company: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5</source>
        <translation>SIP-profiel %1 verwijderd. Terug naar het bedrijf: %2; nummers terug in de nummerpool: %3; accounts ontkoppeld: %4; gespreksrecords verwijderd: %5</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>De kanalen van %1 konden niet worden verlengd: het bedrijfssaldo (%2) kan %3 niet betalen. Uitgaande gesprekken via dit profiel stoppen tot de kanalen zijn betaald.</translation>
    </message>
    <message>
        <source>Bought a number</source>
        <translation>Nummer gekocht</translation>
    </message>
    <message>
        <source>Number assigned</source>
        <translation>Nummer toegewezen</translation>
    </message>
    <message>
        <source>Number cancelled</source>
        <translation>Nummer geannuleerd</translation>
    </message>
    <message>
        <source>Number released</source>
        <translation>Nummer vrijgegeven</translation>
    </message>
    <message>
        <source>Number expired</source>
        <translation>Nummer vervallen</translation>
    </message>
    <message>
        <source>Number renewed</source>
        <translation>Nummer verlengd</translation>
    </message>
    <message>
        <source>SIP profile created</source>
        <translation>SIP-profiel aangemaakt</translation>
    </message>
    <message>
        <source>SIP profile renamed</source>
        <translation>SIP-profiel hernoemd</translation>
    </message>
    <message>
        <source>Channels changed</source>
        <translation>Kanalen gewijzigd</translation>
    </message>
    <message>
        <source>Credit allocated to a SIP profile</source>
        <translation>Tegoed toegewezen aan een SIP-profiel</translation>
    </message>
    <message>
        <source>Account linked</source>
        <translation>Account gekoppeld</translation>
    </message>
    <message>
        <source>Account unlinked</source>
        <translation>Account ontkoppeld</translation>
    </message>
    <message>
        <source>SIP profile deleted</source>
        <translation>SIP-profiel verwijderd</translation>
    </message>
    <message>
        <source>Channels not renewed</source>
        <translation>Kanalen niet verlengd</translation>
    </message>
    <message>
        <source>Call records imported</source>
        <translation>Gespreksrecords geïmporteerd</translation>
    </message>
    <message>
        <source>Imported the price list %1 in place of the one in force: number prices for %2 countries, %3 per-minute rates</source>
        <translation>Prijslijst %1 geïmporteerd ter vervanging van de geldende prijslijst: nummerprijzen voor %2 landen, %3 minuuttarieven</translation>
    </message>
    <message numerus="yes">
        <source>Added %n US minute bundle(s) to %1; paid %2 until %3</source>
        <translation>
            <numerusform>%n Amerikaanse minutenbundel toegevoegd aan %1; %2 betaald tot %3</numerusform>
            <numerusform>%n Amerikaanse minutenbundels toegevoegd aan %1; %2 betaald tot %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed the US minute bundles of %1 from %2 to %3; refunded %4 for unused minutes, paid %5 until %6</source>
        <translation>Amerikaanse minutenbundels van %1 gewijzigd van %2 naar %3; %4 terugbetaald voor ongebruikte minuten, %5 betaald tot %6</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n US minute bundle(s) of %1; usable until %2</source>
        <translation>
            <numerusform>%n Amerikaanse minutenbundel van %1 geannuleerd; bruikbaar tot %2</numerusform>
            <numerusform>%n Amerikaanse minutenbundels van %1 geannuleerd; bruikbaar tot %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extended %n US minute bundle(s) of %1 by a month; paid %2, next payment %3</source>
        <translation>
            <numerusform>%n Amerikaanse minutenbundel van %1 met een maand verlengd; %2 betaald, volgende betaling %3</numerusform>
            <numerusform>%n Amerikaanse minutenbundels van %1 met een maand verlengd; %2 betaald, volgende betaling %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewed %n US minute bundle(s) of %1; paid %2 until %3</source>
        <translation>
            <numerusform>%n Amerikaanse minutenbundel van %1 verlengd; %2 betaald tot %3</numerusform>
            <numerusform>%n Amerikaanse minutenbundels van %1 verlengd; %2 betaald tot %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3)</source>
        <translation>
            <numerusform>De %n Amerikaanse minutenbundel van %1 is vervallen: het saldo (%2) kan de verlenging (%3) niet betalen</numerusform>
            <numerusform>De %n Amerikaanse minutenbundels van %1 zijn vervallen: het saldo (%2) kan de verlenging (%3) niet betalen</numerusform>
        </translation>
    </message>
    <message>
        <source>Price list imported</source>
        <translation>Prijslijst geïmporteerd</translation>
    </message>
    <message>
        <source>Bundles added</source>
        <translation>Bundels toegevoegd</translation>
    </message>
    <message>
        <source>Bundles changed</source>
        <translation>Bundels gewijzigd</translation>
    </message>
    <message>
        <source>Bundles cancelled</source>
        <translation>Bundels geannuleerd</translation>
    </message>
    <message>
        <source>Bundles extended</source>
        <translation>Bundels verlengd</translation>
    </message>
    <message>
        <source>Bundles renewed</source>
        <translation>Bundels automatisch verlengd</translation>
    </message>
    <message>
        <source>Bundles lapsed</source>
        <translation>Bundels vervallen</translation>
    </message>
    <message>
        <source>Changed the country of %1 from %2 to %3</source>
        <translation>Land van %1 gewijzigd van %2 naar %3</translation>
    </message>
    <message>
        <source>Changed the country of SIP profile %1 from %2 to %3</source>
        <translation>Land van SIP-profiel %1 gewijzigd van %2 naar %3</translation>
    </message>
    <message>
        <source>Member&apos;s country changed</source>
        <translation>Land van lid gewijzigd</translation>
    </message>
    <message>
        <source>SIP profile&apos;s country changed</source>
        <translation>Land van SIP-profiel gewijzigd</translation>
    </message>
    <message>
        <source>Mail server set to %1, port %2 (%3), sender %4, login as %5</source>
        <translation>Mailserver ingesteld op %1, poort %2 (%3), afzender %4, aanmelden als %5</translation>
    </message>
    <message>
        <source>Mail server set to %1, port %2 (%3), sender %4, without login</source>
        <translation>Mailserver ingesteld op %1, poort %2 (%3), afzender %4, zonder aanmelding</translation>
    </message>
    <message>
        <source>Mail server %1 removed</source>
        <translation>Mailserver %1 verwijderd</translation>
    </message>
    <message>
        <source>Sent the credentials of SIP profile %1 to %2</source>
        <translation>Aanmeldgegevens van SIP-profiel %1 verzonden naar %2</translation>
    </message>
    <message>
        <source>Mail server set</source>
        <translation>Mailserver ingesteld</translation>
    </message>
    <message>
        <source>Mail server removed</source>
        <translation>Mailserver verwijderd</translation>
    </message>
    <message>
        <source>Credentials sent</source>
        <translation>Aanmeldgegevens verzonden</translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; credited %4 for the unused days, paid %5 until %6</source>
        <translation>%1 gewijzigd van %2 naar %3 kanalen; %4 gecrediteerd voor de ongebruikte dagen, %5 betaald tot %6</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n call record(s) from %1 and charged %2; duplicates skipped: %3; lines not imported: %4</source>
        <translation>
            <numerusform>%n gespreksrecord geïmporteerd uit %1 en %2 in rekening gebracht; dubbele overgeslagen: %3; niet geïmporteerde regels: %4</numerusform>
            <numerusform>%n gespreksrecords geïmporteerd uit %1 en %2 in rekening gebracht; dubbele overgeslagen: %3; niet geïmporteerde regels: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>sb::AdviceService</name>
    <message>
        <source>There is no SIP profile with id %1.</source>
        <translation>Er is geen SIP-profiel met id %1.</translation>
    </message>
</context>
<context>
    <name>sb::AttentionModel</name>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Binnenkort</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ter info</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betreft</translation>
    </message>
    <message>
        <source>What needs you</source>
        <translation>Wat er moet gebeuren</translation>
    </message>
</context>
<context>
    <name>sb::AttentionService</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… en nog %n.</numerusform>
            <numerusform>… en nog %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 owes %2.</source>
        <translation>%1 heeft een schuld van %2.</translation>
    </message>
    <message>
        <source>SIP profile %1 owes %2.</source>
        <translation>SIP-profiel %1 heeft een schuld van %2.</translation>
    </message>
    <message>
        <source>SIP profile %1 has no credit: its calls will be owed.</source>
        <translation>SIP-profiel %1 heeft geen tegoed: de gesprekken worden een schuld.</translation>
    </message>
    <message>
        <source>%1 has %2 left, less than a usual week of spending (%3).</source>
        <translation>%1 heeft nog %2, minder dan de uitgaven van een gewone week (%3).</translation>
    </message>
    <message>
        <source>SIP profile %1 has %2 left, less than a usual week of spending (%3).</source>
        <translation>SIP-profiel %1 heeft nog %2, minder dan de uitgaven van een gewone week (%3).</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 is suspended until %2: its monthly limit of %3 is reached.</source>
        <translation>Automatisch opwaarderen van %1 is opgeschort tot %2: de maandelijkse opwaardeerlimiet van %3 is bereikt.</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n nummer</numerusform>
            <numerusform>%n nummers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) renew by %1 for %2</source>
        <translation>
            <numerusform>%n nummer wordt uiterlijk %1 verlengd voor %2</numerusform>
            <numerusform>%n nummers worden uiterlijk %1 verlengd voor %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; the company balance covers them.</source>
        <translation>%1; het bedrijfssaldo is toereikend.</translation>
    </message>
    <message>
        <source>%1; the company balance (%2) does not cover the %3 due this week.</source>
        <translation>%1; het bedrijfssaldo (%2) dekt niet de %3 die deze week betaald moet worden.</translation>
    </message>
    <message numerus="yes">
        <source>The %n channel(s) of %1 renew on %2 for %3</source>
        <translation>
            <numerusform>Het kanaal van %1 wordt op %2 verlengd voor %3</numerusform>
            <numerusform>De %n kanalen van %1 worden op %2 verlengd voor %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 renew on %2 for %3</source>
        <translation>
            <numerusform>De Amerikaanse minutenbundel van %1 wordt op %2 verlengd voor %3</numerusform>
            <numerusform>De %n Amerikaanse minutenbundels van %1 worden op %2 verlengd voor %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; its balance covers them.</source>
        <translation>%1; het saldo is toereikend.</translation>
    </message>
    <message>
        <source>%1; its balance (%2) does not cover them.</source>
        <translation>%1; het saldo (%2) is niet toereikend.</translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed on %2: its balance could not pay the renewal.</source>
        <translation>
            <numerusform>De Amerikaanse minutenbundel van %1 is op %2 vervallen: het saldo kon de verlenging niet betalen.</numerusform>
            <numerusform>De %n Amerikaanse minutenbundels van %1 zijn op %2 vervallen: het saldo kon de verlenging niet betalen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %n channel(s) for its busiest hour (%2 erlangs at 1% blocking); it has %3.</source>
        <translation>
            <numerusform>%1 heeft %n kanaal nodig voor het drukste uur (%2 erlang bij 1% blokkering); het heeft er %3.</numerusform>
            <numerusform>%1 heeft %n kanalen nodig voor het drukste uur (%2 erlang bij 1% blokkering); het heeft er %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advice for %1: without its %n US minute bundle(s) it would have saved %2 a month.</source>
        <translation>
            <numerusform>Advies voor %1: zonder zijn %n Amerikaanse minutenbundel had het %2 per maand bespaard.</numerusform>
            <numerusform>Advies voor %1: zonder zijn %n Amerikaanse minutenbundels had het %2 per maand bespaard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advice for %1: %n US minute bundle(s) instead of %2 would have saved %3 a month.</source>
        <translation>
            <numerusform>Advies voor %1: %n Amerikaanse minutenbundel in plaats van %2 had %3 per maand bespaard.</numerusform>
            <numerusform>Advies voor %1: %n Amerikaanse minutenbundels in plaats van %2 hadden %3 per maand bespaard.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::BalanceDisplay</name>
    <message>
        <source>owes %1</source>
        <translation>schuld %1</translation>
    </message>
</context>
<context>
    <name>sb::BalanceHistoryModel</name>
    <message>
        <source>Company balance</source>
        <translation>Bedrijfssaldo</translation>
    </message>
</context>
<context>
    <name>sb::BundleMinutesModel</name>
    <message>
        <source>Minutes used</source>
        <translation>Gebruikte minuten</translation>
    </message>
    <message>
        <source>Minutes included</source>
        <translation>Inbegrepen minuten</translation>
    </message>
    <message numerus="yes">
        <source>%n other profile(s)</source>
        <translation>
            <numerusform>%n ander profiel</numerusform>
            <numerusform>%n andere profielen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::BundleService</name>
    <message>
        <source>Enter at least one US minute bundle (to end them, cancel them), not %1.</source>
        <translation>Geef ten minste één Amerikaanse minutenbundel op (annuleer de bundels om ze te beëindigen), niet %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n channel(s): it can have at most as many US minute bundles, not %2.</source>
        <translation>
            <numerusform>%1 heeft %n kanaal: het kan maximaal evenveel Amerikaanse minutenbundels hebben, niet %2.</numerusform>
            <numerusform>%1 heeft %n kanalen: het kan maximaal evenveel Amerikaanse minutenbundels hebben, niet %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n US minute bundle(s), until %2: change them instead.</source>
        <translation>
            <numerusform>%1 heeft al %n Amerikaanse minutenbundel, tot %2: wijzig die in plaats daarvan.</numerusform>
            <numerusform>%1 heeft al %n Amerikaanse minutenbundels, tot %2: wijzig die in plaats daarvan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). Nothing was bought.</source>
        <translation>
            <numerusform>Het saldo van %1 (%2) kan %n Amerikaanse minutenbundel voor een maand niet betalen (%3). Er is niets gekocht.</numerusform>
            <numerusform>Het saldo van %1 (%2) kan %n Amerikaanse minutenbundels voor een maand niet betalen (%3). Er is niets gekocht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>%n Amerikaanse minutenbundel voor %1</numerusform>
            <numerusform>%n Amerikaanse minutenbundels voor %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to change: add them instead.</source>
        <translation>%1 heeft geen Amerikaanse minutenbundels om te wijzigen: voeg ze in plaats daarvan toe.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n US minute bundle(s).</source>
        <translation>
            <numerusform>%1 heeft al %n Amerikaanse minutenbundel.</numerusform>
            <numerusform>%1 heeft al %n Amerikaanse minutenbundels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) with the refund of %3 cannot pay %n US minute bundle(s) for a month (%4). The bundles were not changed.</source>
        <translation>
            <numerusform>Het saldo van %1 (%2) plus de terugbetaling van %3 is niet genoeg voor %n Amerikaanse minutenbundel voor een maand (%4). De bundels zijn niet gewijzigd.</numerusform>
            <numerusform>Het saldo van %1 (%2) plus de terugbetaling van %3 is niet genoeg voor %n Amerikaanse minutenbundels voor een maand (%4). De bundels zijn niet gewijzigd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unused US minute bundle minutes of %1: %2</source>
        <translation>Ongebruikte minuten van de Amerikaanse minutenbundels van %1: %2</translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to cancel.</source>
        <translation>%1 heeft geen Amerikaanse minutenbundels om te annuleren.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are already cancelled; they stay usable until %2.</source>
        <translation>De Amerikaanse minutenbundels van %1 zijn al geannuleerd; ze blijven bruikbaar tot %2.</translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to extend.</source>
        <translation>%1 heeft geen Amerikaanse minutenbundels om te verlengen.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are paid until %2: they can be extended only within %3 days of that date, from %4.</source>
        <translation>De Amerikaanse minutenbundels van %1 zijn betaald tot %2: ze kunnen pas binnen %3 dagen voor die datum worden verlengd, vanaf %4.</translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). The bundles were not extended.</source>
        <translation>
            <numerusform>Het saldo van %1 (%2) kan %n Amerikaanse minutenbundel voor een maand niet betalen (%3). De bundel is niet verlengd.</numerusform>
            <numerusform>Het saldo van %1 (%2) kan %n Amerikaanse minutenbundels voor een maand niet betalen (%3). De bundels zijn niet verlengd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extension of %n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>Verlenging van %n Amerikaanse minutenbundel voor %1</numerusform>
            <numerusform>Verlenging van %n Amerikaanse minutenbundels voor %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3). Allocate credit to the profile and add them again.</source>
        <translation>
            <numerusform>De %n Amerikaanse minutenbundel van %1 is vervallen: het saldo (%2) kan de verlenging (%3) niet betalen. Wijs tegoed toe aan het profiel en voeg de bundel opnieuw toe.</numerusform>
            <numerusform>De %n Amerikaanse minutenbundels van %1 zijn vervallen: het saldo (%2) kan de verlenging (%3) niet betalen. Wijs tegoed toe aan het profiel en voeg de bundels opnieuw toe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>Verlenging van %n Amerikaanse minutenbundel voor %1</numerusform>
            <numerusform>Verlenging van %n Amerikaanse minutenbundels voor %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::CallHistory</name>
    <message>
        <source>Cannot read the calls: %1</source>
        <translation>Kan de gesprekken niet lezen: %1</translation>
    </message>
    <message>
        <source>Cannot write the calls: %1</source>
        <translation>Kan de gesprekken niet schrijven: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Het exporteren is geannuleerd; er is geen bestand geschreven.</translation>
    </message>
</context>
<context>
    <name>sb::CallImporter</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Het importeren is geannuleerd; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>No rate in the price list for %1; the call was not charged.</source>
        <translation>Geen tarief in de prijslijst voor %1; het gesprek is niet in rekening gebracht.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number; the call was not charged.</source>
        <translation>&quot;%1&quot; is geen geldig telefoonnummer; het gesprek is niet in rekening gebracht.</translation>
    </message>
</context>
<context>
    <name>sb::CallsModel</name>
    <message>
        <source>Charged</source>
        <translation>Afgerekend</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Niet beantwoord</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>No rate for this destination</source>
        <translation>Geen tarief voor deze bestemming</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>Ongeldig nummer</translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation>SIP-profiel %1</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(verwijderd)</translation>
    </message>
    <message>
        <source>Dialled %1</source>
        <translation>Gekozen: %1</translation>
    </message>
    <message>
        <source>Billable seconds, from answer to hang-up</source>
        <translation>Te factureren seconden, van opnemen tot ophangen</translation>
    </message>
    <message>
        <source>Billed minutes: billable seconds rounded up to whole minutes</source>
        <translation>Gefactureerde minuten: te factureren seconden, naar boven afgerond op hele minuten</translation>
    </message>
    <message>
        <source>Minutes taken from the SIP profile&apos;s US minute bundles</source>
        <translation>Minuten uit de Amerikaanse minutenbundels van het SIP-profiel</translation>
    </message>
    <message>
        <source>The call at its per-minute rate</source>
        <translation>Het gesprek tegen het minuuttarief</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Betaald door</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Naar</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Gefactureerd</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Bundel</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prijs</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (dialled %2)</source>
        <translation>%1 (gekozen: %2)</translation>
    </message>
</context>
<context>
    <name>sb::CdrReader</name>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Het bestand kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>The record is longer than %1 bytes; perhaps a quote is not closed.</source>
        <translation>Het record is langer dan %1 bytes; misschien is een aanhalingsteken niet gesloten.</translation>
    </message>
    <message>
        <source>The record holds NUL bytes: binary data, not text.</source>
        <translation>Het record bevat NUL-bytes: binaire gegevens, geen tekst.</translation>
    </message>
    <message>
        <source>A quoted field is not closed before the end of the file.</source>
        <translation>Een veld tussen aanhalingstekens wordt niet gesloten vóór het einde van het bestand.</translation>
    </message>
    <message>
        <source>Column %1 has a quote out of place: a quote must enclose the whole field and be doubled inside it.</source>
        <translation>Kolom %1 heeft een aanhalingsteken op de verkeerde plaats: een aanhalingsteken moet het hele veld omsluiten en erbinnen worden verdubbeld.</translation>
    </message>
    <message>
        <source>The record has %1 columns: Asterisk writes 16 to 18, FreeSWITCH 15.</source>
        <translation>Het record heeft een onjuist aantal kolommen (%1): Asterisk schrijft er 16 tot 18, FreeSWITCH 15.</translation>
    </message>
    <message>
        <source>The record has %1 columns: Asterisk writes 16 to 18.</source>
        <translation>Het record heeft een onjuist aantal kolommen (%1): Asterisk schrijft er 16 tot 18.</translation>
    </message>
    <message>
        <source>The record has %1 columns: FreeSWITCH writes 15.</source>
        <translation>Het record heeft een onjuist aantal kolommen (%1): FreeSWITCH schrijft er 15.</translation>
    </message>
    <message>
        <source>Column %1 (%2): %3 does not exist in the time zone %4, whose clocks were put forward then; are the records really in that zone?</source>
        <translation>Kolom %1 (%2): %3 bestaat niet in de tijdzone %4, waar de klok toen werd vooruitgezet; staan de records echt in die tijdzone?</translation>
    </message>
    <message>
        <source>Column %1 (%2) is not a time of the form YYYY-MM-DD HH:MM:SS: “%3”.</source>
        <translation>Kolom %1 (%2) is geen tijd van de vorm YYYY-MM-DD HH:MM:SS: &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Column %1 (%2) is negative: %3.</source>
        <translation>Kolom %1 (%2) is negatief: %3.</translation>
    </message>
    <message>
        <source>Column %1 (%2) is not a whole number of seconds: “%3”.</source>
        <translation>Kolom %1 (%2) is geen geheel aantal seconden: &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>The billed seconds (%1) are more than the call&apos;s duration (%2).</source>
        <translation>De gefactureerde seconden (%1) zijn meer dan de duur van het gesprek (%2).</translation>
    </message>
    <message numerus="yes">
        <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): %n bad record(s) and no good one.</source>
        <translation>
            <numerusform>Het bestand bevat geen gespreksrecords die Switchboard kan lezen (Asterisk of FreeSWITCH cdr_csv): %n ongeldig record en geen enkel geldig.</numerusform>
            <numerusform>Het bestand bevat geen gespreksrecords die Switchboard kan lezen (Asterisk of FreeSWITCH cdr_csv): %n ongeldige records en geen enkel geldig.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not a text file of call detail records: line %1 holds binary data.</source>
        <translation>Het bestand is geen tekstbestand met gespreksrecords: regel %1 bevat binaire gegevens.</translation>
    </message>
    <message numerus="yes">
        <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): its first %n record(s) are all bad.</source>
        <translation>
            <numerusform>Het bestand bevat geen gespreksrecords die Switchboard kan lezen (Asterisk of FreeSWITCH cdr_csv): het eerste record is ongeldig (%n record gelezen).</numerusform>
            <numerusform>Het bestand bevat geen gespreksrecords die Switchboard kan lezen (Asterisk of FreeSWITCH cdr_csv): de eerste %n records zijn allemaal ongeldig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column %1 (%2) is not valid UTF-8 text: “%3”.</source>
        <translation>Kolom %1 (%2) is geen geldige UTF-8-tekst: &quot;%3&quot;.</translation>
    </message>
</context>
<context>
    <name>sb::ChartData</name>
    <message>
        <source>There is no SIP profile with id %1.</source>
        <translation>Er is geen SIP-profiel met id %1.</translation>
    </message>
</context>
<context>
    <name>sb::CompanyService</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Het bedrag moet groter zijn dan nul.</translation>
    </message>
    <message>
        <source>%1 is more than one operation may move (at most %2).</source>
        <translation>%1 is meer dan één bewerking mag verplaatsen (maximaal %2).</translation>
    </message>
    <message>
        <source>The reference is too long (at most 200 characters).</source>
        <translation>De referentie is te lang (maximaal 200 tekens).</translation>
    </message>
    <message>
        <source>The reference has a line break, tab or other control character: type it on one line.</source>
        <translation>De referentie bevat een regeleinde, tab of ander stuurteken: typ deze op één regel.</translation>
    </message>
</context>
<context>
    <name>sb::CredentialsMail</name>
    <message>
        <source>Credentials of the SIP profile %1</source>
        <translation>Aanmeldgegevens van het SIP-profiel %1</translation>
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
        <translation>Goedendag,

Hierbij ontvangt u de aanmeldgegevens van het SIP-profiel %1 voor uw PBX.

SIP-gebruikersnaam: %2
SIP-wachtwoord: %3

De SIP-servers van de provider:
%4

De configuratie voor een Asterisk-PBX (PJSIP), klaar om in /etc/asterisk/pjsip.conf te plakken:

%5

Houd dit bericht vertrouwelijk: wie het wachtwoord heeft, kan bellen op kosten van het bedrijf.
</translation>
    </message>
    <message>
        <source>Switchboard test message</source>
        <translation>Testbericht van Switchboard</translation>
    </message>
    <message>
        <source>This is a test message from Switchboard: the mail server %1 (port %2) sends the credentials of SIP profiles.
</source>
        <translation>Dit is een testbericht van Switchboard: de mailserver %1 (poort %2) verzendt de aanmeldgegevens van SIP-profielen.
</translation>
    </message>
</context>
<context>
    <name>sb::CreditService</name>
    <message>
        <source>Recharge amount: %1</source>
        <translation>Opwaardeerbedrag: %1</translation>
    </message>
    <message>
        <source>The threshold cannot be negative.</source>
        <translation>De drempel kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>The threshold %1 is too large.</source>
        <translation>De drempel %1 is te hoog.</translation>
    </message>
    <message>
        <source>Monthly limit: %1</source>
        <translation>Maandlimiet: %1</translation>
    </message>
    <message>
        <source>The monthly limit (%1) must be at least the recharge amount (%2).</source>
        <translation>De maandlimiet (%1) moet minstens gelijk zijn aan het opwaardeerbedrag (%2).</translation>
    </message>
    <message>
        <source>Choose at least one member.</source>
        <translation>Kies ten minste één lid.</translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; is listed more than once.</source>
        <translation>Het lid &quot;%1&quot; staat meer dan één keer in de lijst.</translation>
    </message>
    <message numerus="yes">
        <source>%1 for each of %n members is more than one operation may move.</source>
        <translation>
            <numerusform>%1 voor %n lid is meer dan één bewerking mag verplaatsen.</numerusform>
            <numerusform>%1 voor elk van %n leden is meer dan één bewerking mag verplaatsen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Nobody was given credit.</source>
        <translation>
            <numerusform>Het bedrijfssaldo (%1) dekt geen %2 voor %n lid (%3 in totaal). Niemand heeft tegoed gekregen.</numerusform>
            <numerusform>Het bedrijfssaldo (%1) dekt geen %2 voor elk van %n leden (%3 in totaal). Niemand heeft tegoed gekregen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Het bedrijfssaldo (%1) kan de automatische opwaardering van %2 voor %3 niet betalen.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>De maandelijkse opwaardeerlimiet van %1 voor %2 is bereikt; automatisch opwaarderen is opgeschort tot %3.</translation>
    </message>
    <message>
        <source>Recharged %1 with %2.</source>
        <translation>%1 opgewaardeerd met %2.</translation>
    </message>
    <message>
        <source>The balance of %1 (%2) is too low for a charge of %3.</source>
        <translation>Het saldo van %1 (%2) is te laag voor een afschrijving van %3.</translation>
    </message>
    <message>
        <source>Auto-recharge is not on for %1.</source>
        <translation>Automatisch opwaarderen staat niet aan voor %1.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3, and %2 owes %4.</source>
        <translation>De maandelijkse opwaardeerlimiet van %1 voor %2 is bereikt; automatisch opwaarderen is opgeschort tot %3 en %2 is %4 verschuldigd.</translation>
    </message>
</context>
<context>
    <name>sb::Database</name>
    <message>
        <source>No database was given.</source>
        <translation>Er is geen database opgegeven.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL address of the form postgresql://user[:password]@host[:port]/database.</source>
        <translation>&quot;%1&quot; is geen PostgreSQL-adres van de vorm postgresql://gebruiker[:wachtwoord]@host[:poort]/database.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>Het PostgreSQL-stuurprogramma (QPSQL) is niet geïnstalleerd.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Kan de map %1 niet maken.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Kan de database %1 niet openen: %2</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Databasefout: %1</translation>
    </message>
    <message>
        <source>the statement returned no row.</source>
        <translation>de instructie gaf geen rij terug.</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>Kan de database %1 niet maken: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database Switchboard can open: give an SQLite file path or a postgresql://user[:password]@host[:port]/database address.</source>
        <translation>&quot;%1&quot; is geen database die Switchboard kan openen: geef het pad van een SQLite-bestand op of een adres van de vorm postgresql://gebruiker[:wachtwoord]@host[:poort]/database.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: create it first, or choose another place for the database.</source>
        <translation>De map %1 bestaat niet: maak deze eerst aan of kies een andere plaats voor de database.</translation>
    </message>
</context>
<context>
    <name>sb::DemoGenerator</name>
    <message>
        <source>Generating the demo was cancelled; nothing was written.</source>
        <translation>Het genereren van de demo is geannuleerd; er is niets geschreven.</translation>
    </message>
    <message>
        <source>The number of demo members must be between 0 and %1.</source>
        <translation>Het aantal demoleden moet tussen 0 en %1 liggen.</translation>
    </message>
    <message>
        <source>The number of demo SIP profiles must be between 0 and %1.</source>
        <translation>Het aantal demo-SIP-profielen moet tussen 0 en %1 liggen.</translation>
    </message>
    <message>
        <source>The number of demo numbers must be between 0 and %1.</source>
        <translation>Het aantal demonummers moet tussen 0 en %1 liggen.</translation>
    </message>
    <message>
        <source>The number of demo calls must be between 0 and %1.</source>
        <translation>Het aantal demogesprekken moet tussen 0 en %1 liggen.</translation>
    </message>
    <message>
        <source>Demo numbers need members or SIP profiles to hold them.</source>
        <translation>Demonummers hebben leden of SIP-profielen nodig als houder.</translation>
    </message>
    <message>
        <source>This database already holds an account (members: %1, SIP profiles: %2, ledger entries: %3): demo data would be mixed into it. Use an empty database for the demo.</source>
        <translation>Deze database bevat al een account (leden: %1, SIP-profielen: %2, boekingen: %3): de demogegevens zouden ermee worden vermengd. Gebruik een lege database voor de demo.</translation>
    </message>
</context>
<context>
    <name>sb::Ledger</name>
    <message>
        <source>Account %1 does not exist.</source>
        <translation>Account %1 bestaat niet.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Het bedrag moet groter zijn dan nul.</translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation>Het saldo is te laag voor %1.</translation>
    </message>
    <message>
        <source>The amounts add up to more than can be moved at once.</source>
        <translation>De bedragen samen zijn meer dan in één keer kan worden verplaatst.</translation>
    </message>
    <message>
        <source>Account %1 cannot be charged: it is not a member&apos;s or a SIP profile&apos;s.</source>
        <translation>Account %1 kan niet worden belast: het is geen account van een lid of een SIP-profiel.</translation>
    </message>
</context>
<context>
    <name>sb::LedgerBatch</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Het bedrag moet groter zijn dan nul.</translation>
    </message>
    <message>
        <source>The amounts add up to more than can be moved at once.</source>
        <translation>De bedragen samen zijn meer dan in één keer kan worden verplaatst.</translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation>Het saldo is te laag voor %1.</translation>
    </message>
</context>
<context>
    <name>sb::LiveChanges</name>
    <message>
        <source>The database driver cannot deliver notifications.</source>
        <translation>Het databasestuurprogramma kan geen meldingen doorgeven.</translation>
    </message>
</context>
<context>
    <name>sb::MailSender</name>
    <message>
        <source>No mail server is set: enter one in Settings (or with switchboardctl settings mail).</source>
        <translation>Er is geen mailserver ingesteld: stel er een in bij Instellingen (of met switchboardctl settings mail).</translation>
    </message>
    <message>
        <source>A message is already being sent; wait for it.</source>
        <translation>Er wordt al een bericht verzonden; wacht tot dat klaar is.</translation>
    </message>
    <message>
        <source>SIP profile %1 authenticates by its IP address: it has no username or password to send.</source>
        <translation>SIP-profiel %1 authenticeert zich met zijn IP-adres: het heeft geen gebruikersnaam of wachtwoord om te verzenden.</translation>
    </message>
    <message>
        <source>SIP profile %1 has no e-mail address to send its credentials to.</source>
        <translation>SIP-profiel %1 heeft geen e-mailadres om de aanmeldgegevens naartoe te sturen.</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>Het bericht is niet verzonden.</translation>
    </message>
    <message>
        <source>The credentials were sent to %1, but the activity log could not record it: %2</source>
        <translation>De aanmeldgegevens zijn naar %1 verzonden, maar het activiteitenlogboek kon dit niet vastleggen: %2</translation>
    </message>
</context>
<context>
    <name>sb::MailSettings</name>
    <message>
        <source>Enter the mail server&apos;s host name.</source>
        <translation>Voer de hostnaam van de mailserver in.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mail server&apos;s host name such as smtp.example.com.</source>
        <translation>&quot;%1&quot; is geen hostnaam van een mailserver zoals smtp.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address such as name@example.com.</source>
        <translation>&quot;%1&quot; is geen e-mailadres zoals name@example.com.</translation>
    </message>
    <message>
        <source>The mail server&apos;s port must be from 1 to 65535, not %1.</source>
        <translation>De poort van de mailserver moet tussen 1 en 65535 liggen, niet %1.</translation>
    </message>
    <message>
        <source>Enter the sender address of the messages.</source>
        <translation>Voer het afzenderadres van de berichten in.</translation>
    </message>
    <message>
        <source>Security &quot;none&quot; is only for a mail server on this machine (localhost); use STARTTLS or TLS for %1.</source>
        <translation>Geen beveiliging (none) is alleen bedoeld voor een mailserver op deze computer (localhost); gebruik STARTTLS of TLS voor %1.</translation>
    </message>
    <message>
        <source>The mail server&apos;s user name cannot span lines.</source>
        <translation>De gebruikersnaam voor de mailserver mag niet uit meerdere regels bestaan.</translation>
    </message>
    <message>
        <source>The mail server&apos;s password cannot span lines.</source>
        <translation>Het wachtwoord voor de mailserver mag niet uit meerdere regels bestaan.</translation>
    </message>
    <message>
        <source>Enter the password of %1 on the mail server.</source>
        <translation>Voer het wachtwoord van %1 op de mailserver in.</translation>
    </message>
</context>
<context>
    <name>sb::MemberService</name>
    <message>
        <source>The account name is empty.</source>
        <translation>De accountnaam is leeg.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must be 6 to 32 characters long.</source>
        <translation>De accountnaam &quot;%1&quot; moet 6 tot 32 tekens lang zijn.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must start with a letter.</source>
        <translation>De accountnaam &quot;%1&quot; moet met een letter beginnen.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>De accountnaam &quot;%1&quot; mag alleen letters, cijfers, &apos;.&apos;, &apos;_&apos; en &apos;-&apos; bevatten.</translation>
    </message>
    <message>
        <source>The display name is empty.</source>
        <translation>De weergavenaam is leeg.</translation>
    </message>
    <message>
        <source>The display name is too long (at most 100 characters).</source>
        <translation>De weergavenaam is te lang (maximaal 100 tekens).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>&quot;%1&quot; is geen e-mailadres.</translation>
    </message>
    <message>
        <source>The department is too long (at most 100 characters).</source>
        <translation>De afdelingsnaam is te lang (maximaal 100 tekens).</translation>
    </message>
    <message>
        <source>A member with the account name &quot;%1&quot; already exists.</source>
        <translation>Er bestaat al een lid met de accountnaam &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Er is geen lid met de accountnaam &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation>Een veld tussen aanhalingstekens wordt nooit gesloten.</translation>
    </message>
    <message>
        <source>The file is empty: it needs the header line account,name,email,department.</source>
        <translation>Het bestand is leeg: het heeft de kopregel account,name,email,department nodig.</translation>
    </message>
    <message>
        <source>The first line must name the columns: account,name,email,department.</source>
        <translation>De eerste regel moet de kolommen noemen: account,name,email,department.</translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2.</source>
        <translation>%1 velden verwacht, %2 gevonden.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; appears more than once in the file.</source>
        <translation>De accountnaam &quot;%1&quot; komt meer dan één keer voor in het bestand.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Het importeren is geannuleerd; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Het exporteren is geannuleerd; er is geen bestand geschreven.</translation>
    </message>
    <message>
        <source>The country is empty: give its two-letter code, e.g. US.</source>
        <translation>Het land is leeg: geef de code van twee letters op, bijv. US.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code known for phone numbers (two letters, e.g. US or NO).</source>
        <translation>&quot;%1&quot; is geen landcode die bekend is voor telefoonnummers (twee letters, bijv. US of NO).</translation>
    </message>
    <message>
        <source>The country of %1 is already %2.</source>
        <translation>Het land van %1 is al %2.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 bestaat niet.</translation>
    </message>
    <message>
        <source>%1 is not a regular file: only a CSV file can be imported.</source>
        <translation>%1 is geen gewoon bestand: alleen een CSV-bestand kan worden geïmporteerd.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, more than any member list; split it.</source>
        <translation>%1 is groter dan %2 MB, meer dan welke ledenlijst ook; splits het bestand.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is longer than %3 characters: this is not a member list.</source>
        <translation>Regel %1 van %2 is langer dan %3 tekens: dit is geen ledenlijst.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not UTF-8 text (perhaps Latin-1 or Windows-1252): save the file as UTF-8 and import it again.</source>
        <translation>Regel %1 van %2 is geen UTF-8-tekst (misschien Latin-1 of Windows-1252): sla het bestand op als UTF-8 en importeer het opnieuw.</translation>
    </message>
    <message>
        <source>accounts were not created.</source>
        <translation>de accounts zijn niet gemaakt.</translation>
    </message>
    <message>
        <source>a member was not created.</source>
        <translation>een lid is niet gemaakt.</translation>
    </message>
    <message>
        <source>The display name may not contain control characters.</source>
        <translation>De weergavenaam mag geen stuurtekens bevatten.</translation>
    </message>
    <message>
        <source>The department may not contain control characters.</source>
        <translation>De afdeling mag geen stuurtekens bevatten.</translation>
    </message>
    <message>
        <source>The first line names the column &quot;%1&quot; twice (columns %2 and %3); name each column once.</source>
        <translation>De eerste regel noemt de kolom &quot;%1&quot; twee keer (kolommen %2 en %3); noem elke kolom maar één keer.</translation>
    </message>
</context>
<context>
    <name>sb::MembersModel</name>
    <message>
        <source>Linked</source>
        <translation>Gekoppeld</translation>
    </message>
    <message>
        <source>Linked to %1</source>
        <translation>Gekoppeld aan %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Suspended until %1</source>
        <translation>Opgeschort tot %1</translation>
    </message>
    <message>
        <source>%1 below %2, limit %3</source>
        <translation>%1 onder %2, limiet %3</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
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
        <translation>Automatisch opwaarderen</translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (nationaal: %2)</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummers</translation>
    </message>
</context>
<context>
    <name>sb::Migrations</name>
    <message>
        <source>The database %1 was written by a newer version of Switchboard (schema %2; this version knows up to %3). It was left untouched: use a newer Switchboard to open it.</source>
        <translation>De database %1 is geschreven door een nieuwere versie van Switchboard (schema %2; deze versie kent schema’s tot en met %3). De database is niet gewijzigd: open hem met een nieuwere versie van Switchboard.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation>Het bijwerken van de database naar schema %1 is mislukt: %2</translation>
    </message>
    <message>
        <source>a row of %1 refers to a missing row.</source>
        <translation>een rij in %1 verwijst naar een ontbrekende rij.</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database: %2 It was left untouched; choose a Switchboard database or a new file.</source>
        <translation>%1 is geen Switchboard-database: %2 Het bestand is niet gewijzigd; kies een Switchboard-database of een nieuw bestand.</translation>
    </message>
    <message>
        <source>it is not an SQLite database file.</source>
        <translation>het is geen SQLite-databasebestand.</translation>
    </message>
    <message>
        <source>it belongs to another application (application id %1).</source>
        <translation>het hoort bij een andere toepassing (toepassings-ID %1).</translation>
    </message>
    <message numerus="yes">
        <source>it holds %n table(s) of another application.</source>
        <translation>
            <numerusform>het bevat %n tabel van een andere toepassing.</numerusform>
            <numerusform>het bevat %n tabellen van een andere toepassing.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database %1 has a damaged schema record (table schema_meta, no valid version): Switchboard cannot tell which version wrote it. It was left untouched; restore it from a backup.</source>
        <translation>De database %1 heeft een beschadigd schemarecord (tabel schema_meta, geen geldige versie): Switchboard kan niet bepalen welke versie hem heeft geschreven. De database is niet gewijzigd; zet hem terug uit een back-up.</translation>
    </message>
</context>
<context>
    <name>sb::MonthlyStatement</name>
    <message>
        <source>Name the file to write the statement to.</source>
        <translation>Geef het bestand op waarnaar het maandoverzicht moet worden geschreven.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month; write it as YYYY-MM, such as 2026-11.</source>
        <translation>&quot;%1&quot; is geen maand; schrijf die als JJJJ-MM, bijvoorbeeld 2026-11.</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>account %1</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (verwijderd)</translation>
    </message>
</context>
<context>
    <name>sb::NumberCatalogue</name>
    <message>
        <source>United States</source>
        <translation>Verenigde Staten</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Verenigd Koninkrijk</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Duitsland</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankrijk</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Nederland</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>Noorwegen</translation>
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
        <translation>Er worden geen nummers verkocht in &quot;%1&quot;. Landen: %2.</translation>
    </message>
    <message>
        <source>The price list has no prices for numbers in %1.</source>
        <translation>De prijslijst heeft geen prijzen voor nummers in %1.</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Er is geen lid met de accountnaam &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Er is geen SIP-profiel met de naam &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Choose a member or a SIP profile to hold the number.</source>
        <translation>Kies een lid of een SIP-profiel als houder van het nummer.</translation>
    </message>
    <message>
        <source>%1 has no area code &quot;%2&quot; on offer. Area codes: %3.</source>
        <translation>Het netnummer &quot;%2&quot; wordt niet aangeboden in %1. Netnummers: %3.</translation>
    </message>
    <message>
        <source>Numbers are billed for 1, 3 or 12 months, not %1.</source>
        <translation>Nummers worden per 1, 3 of 12 maanden gefactureerd, niet per %1.</translation>
    </message>
    <message>
        <source>The price list has no %1-month price for numbers in %2.</source>
        <translation>De prijslijst heeft geen prijs voor %1 maanden voor nummers in %2.</translation>
    </message>
    <message>
        <source>Choose at least one member or SIP profile to receive a number.</source>
        <translation>Kies ten minste één lid of SIP-profiel dat een nummer krijgt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is chosen twice; each gets one number.</source>
        <translation>&quot;%1&quot; is twee keer gekozen; elk krijgt één nummer.</translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept the terms (for example a local address). Accept the terms to buy.</source>
        <translation>Voor nummers in %1 moet de houder akkoord gaan met de voorwaarden (bijvoorbeeld een lokaal adres). Ga akkoord met de voorwaarden om te kopen.</translation>
    </message>
    <message>
        <source>That is too many numbers at once.</source>
        <translation>Dat zijn te veel nummers tegelijk.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n number(s) at %2 (%3 in all). Nothing was bought.</source>
        <translation>
            <numerusform>Het bedrijfssaldo (%1) kan %n nummer à %2 niet betalen (%3 in totaal). Er is niets gekocht.</numerusform>
            <numerusform>Het bedrijfssaldo (%1) kan %n nummers à %2 niet betalen (%3 in totaal). Er is niets gekocht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n month(s)</source>
        <translation>
            <numerusform>%1 voor %n maand</numerusform>
            <numerusform>%1 voor %n maanden</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in international form, such as +12125550100.</source>
        <translation>&quot;%1&quot; is geen telefoonnummer in internationale notatie, zoals +12125550100.</translation>
    </message>
    <message>
        <source>The number %1 is not one of the company&apos;s numbers.</source>
        <translation>Het nummer %1 is geen nummer van het bedrijf.</translation>
    </message>
    <message>
        <source>%1 already holds %2.</source>
        <translation>%1 heeft %2 al.</translation>
    </message>
    <message>
        <source>%1 is already cancelled; it stays usable until %2.</source>
        <translation>%1 is al geannuleerd; het blijft bruikbaar tot %2.</translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation>%1 kon niet worden verlengd: het bedrijfssaldo (%2) kan %3 niet betalen. Het nummer is vervallen en terug in de nummerpool.</translation>
    </message>
    <message>
        <source>Renewal of %1</source>
        <translation>Verlenging van %1</translation>
    </message>
    <message>
        <source>Not enough numbers are left in area %1 (%2): %3 left, %4 needed. Nothing was bought.</source>
        <translation>Er zijn niet genoeg nummers over met netnummer %1 (%2): %3 over, %4 nodig. Er is niets gekocht.</translation>
    </message>
</context>
<context>
    <name>sb::NumbersModel</name>
    <message>
        <source>Released</source>
        <translation>Vrijgegeven</translation>
    </message>
    <message>
        <source>Cancelled: usable until %1</source>
        <translation>Geannuleerd: bruikbaar tot %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>%1 → SIP profile %2 (linked)</source>
        <translation>%1 → SIP-profiel %2 (gekoppeld)</translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation>SIP-profiel %1</translation>
    </message>
    <message>
        <source>Company pool (unassigned)</source>
        <translation>Nummerpool van het bedrijf (niet toegewezen)</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n maand</numerusform>
            <numerusform>%n maanden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (nationaal: %2)</translation>
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
        <translation>Netnummer</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Houder</translation>
    </message>
    <message>
        <source>Billed every</source>
        <translation>Facturering</translation>
    </message>
    <message>
        <source>Paid until</source>
        <translation>Betaald tot</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>sb::OutputFile</name>
    <message>
        <source>%1 is not a regular file (a folder, a device or a pipe); choose a file to write.</source>
        <translation>%1 is geen gewoon bestand (maar een map, een apparaat of een pipe); kies een bestand om naar te schrijven.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>the file could not be written whole</source>
        <translation>het bestand kon niet volledig worden geschreven</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Nothing was written.</source>
        <translation>Kan %1 niet schrijven: %2. Er is niets geschreven.</translation>
    </message>
</context>
<context>
    <name>sb::PeakCallsModel</name>
    <message>
        <source>Most calls at once</source>
        <translation>Meeste gelijktijdige gesprekken</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
</context>
<context>
    <name>sb::PriceList</name>
    <message>
        <source>The price list is not valid JSON: %1</source>
        <translation>De prijslijst is geen geldige JSON: %1</translation>
    </message>
    <message>
        <source>The price list has no valid %1-month price for %2.</source>
        <translation>De prijslijst heeft geen geldige prijs voor %1 maanden voor %2.</translation>
    </message>
    <message>
        <source>The price list needs positive bundle and channel prices.</source>
        <translation>De prijslijst moet positieve prijzen voor bundels en kanalen bevatten.</translation>
    </message>
    <message>
        <source>The price list has a malformed rate for prefix &quot;%1&quot;.</source>
        <translation>De prijslijst heeft een ongeldig tarief voor het voorvoegsel &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The price list is too large (%1 bytes; at most %2).</source>
        <translation>De prijslijst is te groot (%1 bytes; maximaal %2).</translation>
    </message>
    <message>
        <source>The price list is not UTF-8 text: the first bad byte is at line %1, column %2 (byte %3).</source>
        <translation>De prijslijst is geen UTF-8-tekst: regel %1, kolom %2 (byte %3) is dat niet.</translation>
    </message>
    <message>
        <source>The price list is not valid JSON: %1 at line %2, column %3.</source>
        <translation>De prijslijst is geen geldige JSON: %1 op regel %2, kolom %3.</translation>
    </message>
    <message>
        <source>The price list must be a JSON object with &quot;numbers&quot;, &quot;bundle&quot;, &quot;channel&quot; and &quot;rates&quot;.</source>
        <translation>De prijslijst moet een JSON-object zijn met &quot;numbers&quot;, &quot;bundle&quot;, &quot;channel&quot; en &quot;rates&quot;.</translation>
    </message>
    <message>
        <source>The price list has an unknown field &quot;%1&quot;.</source>
        <translation>De prijslijst heeft een onbekend veld &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The price list&apos;s currency must be %1 (the account&apos;s).</source>
        <translation>De valuta van de prijslijst moet %1 zijn (die van het account).</translation>
    </message>
    <message>
        <source>The price list has no %1.</source>
        <translation>De prijslijst bevat geen %1.</translation>
    </message>
    <message>
        <source>The price list&apos;s %1 must be an amount written as a string, like &quot;6.00&quot;.</source>
        <translation>De %1 in de prijslijst moet een bedrag zijn dat als tekenreeks is geschreven, zoals &quot;6.00&quot;.</translation>
    </message>
    <message>
        <source>The price list&apos;s %1 (%2) must be above 0 and at most %3.</source>
        <translation>De %1 in de prijslijst (%2) moet groter zijn dan 0 en maximaal %3.</translation>
    </message>
    <message>
        <source>The price list has no &quot;numbers&quot; object of number prices.</source>
        <translation>De prijslijst heeft geen &quot;numbers&quot;-object met nummerprijzen.</translation>
    </message>
    <message>
        <source>The price list has number prices for &quot;%1&quot;, which is not a country numbers are sold in (%2).</source>
        <translation>De prijslijst heeft nummerprijzen voor &quot;%1&quot;, maar dat is geen land waarin nummers worden verkocht (%2).</translation>
    </message>
    <message>
        <source>The price list has no number prices for %1 (&quot;numbers&quot;: {&quot;%1&quot;: {&quot;1&quot;: …, &quot;3&quot;: …, &quot;12&quot;: …}}).</source>
        <translation>De prijslijst heeft geen nummerprijzen voor %1 (&quot;numbers&quot;: {&quot;%1&quot;: {&quot;1&quot;: …, &quot;3&quot;: …, &quot;12&quot;: …}}).</translation>
    </message>
    <message>
        <source>The price list has a number price for &quot;%1&quot; months in %2; numbers are sold for %3 months.</source>
        <translation>De prijslijst heeft een nummerprijs voor &quot;%1&quot; maanden in %2; nummers worden verkocht voor %3 maanden.</translation>
    </message>
    <message>
        <source>%1-month number price for %2</source>
        <translation>nummerprijs voor %1 maanden voor %2</translation>
    </message>
    <message>
        <source>bundle price</source>
        <translation>bundelprijs</translation>
    </message>
    <message>
        <source>channel price</source>
        <translation>kanaalprijs</translation>
    </message>
    <message>
        <source>The price list has no &quot;rates&quot; list of per-minute rates.</source>
        <translation>De prijslijst heeft geen &quot;rates&quot;-lijst met minuuttarieven.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list is not an object with &quot;prefix&quot;, &quot;rate&quot; and &quot;name&quot;.</source>
        <translation>Tarief %1 van de prijslijst is geen object met &quot;prefix&quot;, &quot;rate&quot; en &quot;name&quot;.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list has an unknown field &quot;%2&quot;.</source>
        <translation>Tarief %1 van de prijslijst heeft een onbekend veld &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list needs a &quot;prefix&quot; of 1 to 15 digits (the country code first, like &quot;447&quot;).</source>
        <translation>Tarief %1 van de prijslijst heeft een &quot;prefix&quot; van 1 tot 15 cijfers nodig (eerst de landcode, zoals &quot;447&quot;).</translation>
    </message>
    <message>
        <source>The prefix %1 is in the price list twice (rates %2 and %3).</source>
        <translation>Het voorvoegsel %1 staat twee keer in de prijslijst (tarieven %2 en %3).</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) is negative: %3.</source>
        <translation>Het tarief voor voorvoegsel %1 (tarief %2 van de prijslijst) is negatief: %3.</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) must be a string like &quot;0.0230&quot;, with at most four decimals.</source>
        <translation>Het tarief voor voorvoegsel %1 (tarief %2 van de prijslijst) moet een tekenreeks zijn zoals &quot;0.0230&quot;, met maximaal vier decimalen.</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) is %3 a minute; at most %4 is accepted.</source>
        <translation>Het tarief voor voorvoegsel %1 (tarief %2 van de prijslijst) is %3 per minuut; maximaal %4 wordt geaccepteerd.</translation>
    </message>
    <message>
        <source>The name of prefix %1 (rate %2 of the price list) must be text of at most 200 characters.</source>
        <translation>De naam van voorvoegsel %1 (tarief %2 van de prijslijst) moet tekst van maximaal 200 tekens zijn.</translation>
    </message>
</context>
<context>
    <name>sb::PriceListStore</name>
    <message>
        <source>The price list %1 is too large (%2 bytes; at most %3).</source>
        <translation>De prijslijst %1 is te groot (%2 bytes; maximaal %3).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan %1 niet lezen: %2</translation>
    </message>
</context>
<context>
    <name>sb::ProbeResult</name>
    <message>
        <source>%1 answered %2 %3 in %4 ms</source>
        <translation>%1 antwoordde %2 %3 in %4 ms</translation>
    </message>
    <message>
        <source>%1 answered %2 %3</source>
        <translation>%1 antwoordde %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no answer after %2 s</source>
        <translation>%1: geen antwoord na %2 s</translation>
    </message>
</context>
<context>
    <name>sb::ProbeService</name>
    <message>
        <source>The probe&apos;s time limit must be from %1 to %2 ms, not %3.</source>
        <translation>De tijdslimiet van de trunkcontrole moet tussen %1 en %2 ms liggen, niet %3.</translation>
    </message>
</context>
<context>
    <name>sb::ProfileService</name>
    <message>
        <source>The SIP profile needs a name.</source>
        <translation>Het SIP-profiel heeft een naam nodig.</translation>
    </message>
    <message>
        <source>The SIP profile name is too long (at most 64 characters).</source>
        <translation>De naam van het SIP-profiel is te lang (maximaal 64 tekens).</translation>
    </message>
    <message>
        <source>The SIP profile name may not contain control characters.</source>
        <translation>De naam van het SIP-profiel mag geen stuurtekens bevatten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address such as 203.0.113.10.</source>
        <translation>&quot;%1&quot; is geen IPv4-adres zoals 203.0.113.10.</translation>
    </message>
    <message>
        <source>The UDP port must be from 1 to 65535 (usually 5060), not %1.</source>
        <translation>De UDP-poort moet tussen 1 en 65535 liggen (meestal 5060), niet %1.</translation>
    </message>
    <message>
        <source>A SIP profile has from %1 to %2 channels, not %3.</source>
        <translation>Een SIP-profiel heeft %1 tot %2 kanalen, niet %3.</translation>
    </message>
    <message>
        <source>The extension &quot;%1&quot; may only contain digits (at most 20).</source>
        <translation>Het toestelnummer &quot;%1&quot; mag alleen cijfers bevatten (maximaal 20).</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Er is geen SIP-profiel met de naam &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A SIP profile named &quot;%1&quot; already exists.</source>
        <translation>Er bestaat al een SIP-profiel met de naam &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). No SIP profile was created.</source>
        <translation>
            <numerusform>Het bedrijfssaldo (%1) kan %n kanaal voor de eerste maand niet betalen (%2). Er is geen SIP-profiel gemaakt.</numerusform>
            <numerusform>Het bedrijfssaldo (%1) kan %n kanalen voor de eerste maand niet betalen (%2). Er is geen SIP-profiel gemaakt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for %1</source>
        <translation>
            <numerusform>%n kanaal voor %1</numerusform>
            <numerusform>%n kanalen voor %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile is already named &quot;%1&quot;.</source>
        <translation>Het SIP-profiel heet al &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n channel(s).</source>
        <translation>
            <numerusform>%1 heeft al %n kanaal.</numerusform>
            <numerusform>%1 heeft al %n kanalen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
        <translation>Het bedrijfssaldo (%1) dekt geen %2 voor %3. Er is niets toegewezen.</translation>
    </message>
    <message>
        <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
        <translation>Het account %1 is al gekoppeld aan het SIP-profiel %2; een account kan maar aan één SIP-profiel worden gekoppeld.</translation>
    </message>
    <message>
        <source>The account %1 is not linked to the SIP profile %2.</source>
        <translation>Het account %1 is niet gekoppeld aan het SIP-profiel %2.</translation>
    </message>
    <message>
        <source>Credit of deleted SIP profile %1</source>
        <translation>Tegoed van verwijderd SIP-profiel %1</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>De kanalen van %1 konden niet worden verlengd: het bedrijfssaldo (%2) kan %3 niet betalen. Uitgaande gesprekken via dit profiel stoppen tot de kanalen zijn betaald.</translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n channel(s) for %1</source>
        <translation>
            <numerusform>Verlenging van %n kanaal voor %1</numerusform>
            <numerusform>Verlenging van %n kanalen voor %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a &quot;this network&quot; address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een &quot;dit netwerk&quot;-adres (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a private address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een privéadres (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a carrier-grade NAT (shared) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een carrier-grade-NAT-adres (gedeeld) (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a loopback address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een loopbackadres (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a link-local address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een link-local adres (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a reserved (IETF protocol) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een gereserveerd adres (IETF-protocol) (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a documentation address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een documentatieadres (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a benchmarking address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een benchmarkadres (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a multicast address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een multicastadres (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message>
        <source>%1 is a reserved address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 is een gereserveerd adres (%2): de provider kan het niet bereiken vanaf internet. Voer het openbare adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n US minute bundle(s); it needs at least as many channels. Lower the bundles first. The channels were not changed.</source>
        <translation>
            <numerusform>%1 heeft %n Amerikaanse minutenbundel; het profiel heeft minstens evenveel kanalen nodig. Verlaag eerst het aantal bundels. De kanalen zijn niet gewijzigd.</numerusform>
            <numerusform>%1 heeft %n Amerikaanse minutenbundels; het profiel heeft minstens evenveel kanalen nodig. Verlaag eerst het aantal bundels. De kanalen zijn niet gewijzigd.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile %1 owes %2 for calls; allocate at least %2 to it before deleting it.</source>
        <translation>Het SIP-profiel %1 is %2 verschuldigd voor gesprekken; wijs er ten minste %2 aan toe voordat u het verwijdert.</translation>
    </message>
    <message>
        <source>The country of SIP profile %1 is already %2.</source>
        <translation>Het land van het SIP-profiel %1 is al %2.</translation>
    </message>
    <message>
        <source>The extension %1 of the SIP profile %2 already belongs to the account %3; give each linked account its own extension.</source>
        <translation>Toestelnummer %1 van SIP-profiel %2 hoort al bij account %3; geef elk gekoppeld account een eigen toestelnummer.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) with the credit of %2 for unused days cannot pay %n channel(s) for a month (%3). The channels were not changed.</source>
        <translation>
            <numerusform>Het bedrijfssaldo (%1) kan met het tegoed van %2 voor ongebruikte dagen %n kanaal niet voor een maand betalen (%3). De kanalen zijn niet gewijzigd.</numerusform>
            <numerusform>Het bedrijfssaldo (%1) kan met het tegoed van %2 voor ongebruikte dagen %n kanalen niet voor een maand betalen (%3). De kanalen zijn niet gewijzigd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unused days of %n channel(s) for %1</source>
        <translation>
            <numerusform>Ongebruikte dagen van %n kanaal voor %1</numerusform>
            <numerusform>Ongebruikte dagen van %n kanalen voor %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks the same as the existing SIP profile &quot;%2&quot;; choose a name that reads differently.</source>
        <translation>&quot;%1&quot; ziet er hetzelfde uit als het bestaande SIP-profiel &quot;%2&quot;; kies een naam die er duidelijk anders uitziet.</translation>
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
        <translation>Registratie</translation>
    </message>
    <message>
        <source>%1 (unpaid)</source>
        <translation>%1 (onbetaald)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authenticatie</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
    <message>
        <source>Monthly cost (%1)</source>
        <translation>Maandkosten (%1)</translation>
    </message>
    <message>
        <source>Balance (%1)</source>
        <translation>Saldo (%1)</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Gekoppelde accounts</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummers</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Geen antwoord</translation>
    </message>
    <message>
        <source>OK %1 ms</source>
        <translation>OK %1 ms</translation>
    </message>
    <message>
        <source>Not checked yet: Check the trunk in the profile&apos;s details.</source>
        <translation>Nog niet gecontroleerd: gebruik &quot;Trunk controleren&quot; in de details van het profiel.</translation>
    </message>
    <message>
        <source>%1 of %2 servers answered OK; checked %3</source>
        <translation>%1 van %2 servers antwoordden OK; gecontroleerd op %3</translation>
    </message>
    <message>
        <source>The latest check of the trunk: SIP OPTIONS to the PBX (IP authentication) and to the provider&apos;s servers</source>
        <translation>De laatste controle van de trunk: SIP OPTIONS naar de PBX (IP-authenticatie) en naar de servers van de provider</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>%1 (bundles lapsed)</source>
        <translation>%1 (bundels vervallen)</translation>
    </message>
    <message>
        <source>%1 (bundles cancelled)</source>
        <translation>%1 (bundels geannuleerd)</translation>
    </message>
</context>
<context>
    <name>sb::ProtectedFiles</name>
    <message>
        <source>%1 is the key file of the sealed passwords; choose another file.</source>
        <translation>%1 is het sleutelbestand van de verzegelde wachtwoorden; kies een ander bestand.</translation>
    </message>
    <message>
        <source>%1 is the open database or one of its files; choose another file.</source>
        <translation>%1 is de geopende database of een van de bestanden ervan; kies een ander bestand.</translation>
    </message>
</context>
<context>
    <name>sb::ProviderSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as sip.example.net:5060.</source>
        <translation>&quot;%1&quot; is geen serveradres zoals sip.example.net:5060.</translation>
    </message>
    <message>
        <source>The port of &quot;%1&quot; must be from 1 to 65535.</source>
        <translation>De poort van &quot;%1&quot; moet tussen 1 en 65535 liggen.</translation>
    </message>
    <message>
        <source>Name at least one SIP server.</source>
        <translation>Geef ten minste één SIP-server op.</translation>
    </message>
</context>
<context>
    <name>sb::SealedSecret</name>
    <message>
        <source>The secret key file %1 is damaged.</source>
        <translation>Het geheime sleutelbestand %1 is beschadigd.</translation>
    </message>
    <message>
        <source>The secret key file %1 is missing: stored SIP passwords cannot be read.</source>
        <translation>Het geheime sleutelbestand %1 ontbreekt: opgeslagen SIP-wachtwoorden kunnen niet worden gelezen.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Kan de map voor %1 niet maken.</translation>
    </message>
    <message>
        <source>Cannot write the secret key file %1: %2</source>
        <translation>Kan het geheime sleutelbestand %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>The stored secret has an unknown format.</source>
        <translation>Het opgeslagen geheim heeft een onbekende indeling.</translation>
    </message>
    <message>
        <source>The stored secret is damaged.</source>
        <translation>Het opgeslagen geheim is beschadigd.</translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1): it was altered or sealed with another key.</source>
        <translation>Het opgeslagen geheim past niet bij de geheime sleutel (%1): het is gewijzigd of met een andere sleutel verzegeld.</translation>
    </message>
    <message>
        <source>The cryptographic library (libsodium) could not start.</source>
        <translation>De cryptografische bibliotheek (libsodium) kon niet starten.</translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1) or does not belong here: it was altered, sealed with another key, or copied from elsewhere.</source>
        <translation>Het opgeslagen geheim past niet bij de geheime sleutel (%1) of hoort hier niet thuis: het is gewijzigd, met een andere sleutel verzegeld of van elders gekopieerd.</translation>
    </message>
    <message>
        <source>The secret key file %1 is missing, yet this database holds passwords sealed with it: a new key would leave them unreadable. Put the key file back (from a backup) before storing another password.</source>
        <translation>Het geheime sleutelbestand %1 ontbreekt, terwijl deze database wachtwoorden bevat die ermee verzegeld zijn: een nieuwe sleutel zou ze onleesbaar maken. Zet het sleutelbestand terug (uit een back-up) voordat u een ander wachtwoord opslaat.</translation>
    </message>
</context>
<context>
    <name>sb::SecretVault</name>
    <message>
        <source>The keychain did not give the password of %1: %2</source>
        <translation>De sleutelhanger heeft het wachtwoord van %1 niet vrijgegeven: %2</translation>
    </message>
</context>
<context>
    <name>sb::SipProbe</name>
    <message>
        <source>The name %1 was not resolved in time.</source>
        <translation>De naam %1 is niet op tijd omgezet in een adres.</translation>
    </message>
    <message>
        <source>The port %1 is not from 1 to 65535.</source>
        <translation>De poort %1 ligt niet tussen 1 en 65535.</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved: %2</source>
        <translation>De naam %1 kan niet worden omgezet in een adres: %2</translation>
    </message>
    <message>
        <source>The name %1 has no address.</source>
        <translation>De naam %1 heeft geen adres.</translation>
    </message>
    <message>
        <source>No UDP port could be opened: %1</source>
        <translation>Er kon geen UDP-poort worden geopend: %1</translation>
    </message>
</context>
<context>
    <name>sb::SmtpClient</name>
    <message>
        <source>A message is already being sent; wait for it.</source>
        <translation>Er wordt al een bericht verzonden; wacht tot dat klaar is.</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>Het bericht is niet verzonden.</translation>
    </message>
    <message>
        <source>The mail server %1 does not speak SMTP: it answered &quot;%2&quot;.</source>
        <translation>De mailserver %1 spreekt geen SMTP: het antwoord was &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The mail server %1 does not take messages now: %2 %3</source>
        <translation>De mailserver %1 neemt op dit moment geen berichten aan: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the greeting: %2 %3</source>
        <translation>De mailserver %1 heeft de begroeting geweigerd: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused STARTTLS: %2 %3</source>
        <translation>De mailserver %1 heeft STARTTLS geweigerd: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the login of %2: %3 %4</source>
        <translation>De mailserver %1 heeft de aanmelding van %2 geweigerd: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the sender %2: %3 %4</source>
        <translation>De mailserver %1 heeft de afzender %2 geweigerd: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the recipient %2: %3 %4</source>
        <translation>De mailserver %1 heeft de ontvanger %2 geweigerd: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the message: %2 %3</source>
        <translation>De mailserver %1 heeft het bericht geweigerd: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS: choose TLS (usually port 465) or another server; the password is never sent unencrypted.</source>
        <translation>De mailserver %1 biedt geen STARTTLS aan: kies TLS (meestal poort 465) of een andere server; het wachtwoord wordt nooit onversleuteld verzonden.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login, but a user is set: clear the user, or check the server and its security.</source>
        <translation>De mailserver %1 biedt geen aanmelding aan, maar er is een gebruiker ingesteld: wis de gebruiker, of controleer de server en de beveiliging ervan.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login Switchboard knows (PLAIN or LOGIN), only: %2.</source>
        <translation>De mailserver %1 biedt geen aanmeldmethode aan die Switchboard kent (PLAIN of LOGIN), alleen: %2.</translation>
    </message>
    <message>
        <source>The certificate of the mail server %1 cannot be trusted: %2</source>
        <translation>Het certificaat van de mailserver %1 kan niet worden vertrouwd: %2</translation>
    </message>
    <message>
        <source>The mail server %1 refused the connection: nothing answers on that port.</source>
        <translation>De mailserver %1 heeft de verbinding geweigerd: op die poort antwoordt niets.</translation>
    </message>
    <message>
        <source>The mail server %1 was not found: check its name.</source>
        <translation>De mailserver %1 is niet gevonden: controleer de naam.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 failed: %2</source>
        <translation>De verbinding met de mailserver %1 is mislukt: %2</translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection before the message was accepted.</source>
        <translation>De mailserver %1 heeft de verbinding verbroken voordat het bericht was geaccepteerd.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 failed.</source>
        <translation>De verbinding met de mailserver %1 is mislukt.</translation>
    </message>
    <message>
        <source>The mail server %1 did not answer the connection within %2 s.</source>
        <translation>De mailserver %1 heeft niet binnen %2 s op de verbinding gereageerd.</translation>
    </message>
    <message>
        <source>The mail server %1 stopped answering: no reply within %2 s.</source>
        <translation>De mailserver %1 reageert niet meer: geen antwoord binnen %2 s.</translation>
    </message>
</context>
<context>
    <name>sb::SpendingChartModel</name>
    <message>
        <source>Numbers</source>
        <translation>Nummers</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Bundels</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Gesprekken</translation>
    </message>
    <message numerus="yes">
        <source>%n other department(s)</source>
        <translation>
            <numerusform>%n andere afdeling</numerusform>
            <numerusform>%n andere afdelingen</numerusform>
        </translation>
    </message>
    <message>
        <source>No department</source>
        <translation>Geen afdeling</translation>
    </message>
</context>
<context>
    <name>sb::Statement</name>
    <message>
        <source>%1 values for %2 parameters.</source>
        <translation>%1 waarden voor %2 parameters.</translation>
    </message>
</context>
<context>
    <name>sb::StatementCsv</name>
    <message>
        <source>Cannot write the statement: %1</source>
        <translation>Kan het maandoverzicht niet schrijven: %1</translation>
    </message>
</context>
<context>
    <name>sb::StatementDocument</name>
    <message>
        <source>Top-up</source>
        <translation>Opwaardering</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Toewijzing</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Automatisch opwaarderen</translation>
    </message>
    <message>
        <source>Credit returned</source>
        <translation>Tegoed teruggeboekt</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummers</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Bundels</translation>
    </message>
    <message>
        <source>Bundle refunds</source>
        <translation>Terugbetalingen bundels</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Monthly statement, %1</source>
        <extracomment>%1 is the month and its year, &quot;November 2026&quot;</extracomment>
        <translation>Maandoverzicht, %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Bij</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Eind</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Uitgegeven</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Company balance: %1 at the start of the month, %2 at its end (UTC).</source>
        <translation>Bedrijfssaldo: %1 aan het begin van de maand, %2 aan het einde (UTC).</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Saldi</translation>
    </message>
    <message>
        <source>Spending by department</source>
        <translation>Uitgaven per afdeling</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(geen afdeling)</translation>
    </message>
    <message>
        <source>Spending by SIP profile</source>
        <translation>Uitgaven per SIP-profiel</translation>
    </message>
    <message>
        <source>Spending by member</source>
        <translation>Uitgaven per lid</translation>
    </message>
    <message>
        <source>Top-ups and allocations</source>
        <translation>Opwaarderingen en toewijzingen</translation>
    </message>
    <message>
        <source>None this month.</source>
        <translation>Geen deze maand.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>To or from</source>
        <translation>Naar of van</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totalen</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advies</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for the busiest hour (%1 erlangs at 1% blocking); it has %2</source>
        <translation>
            <numerusform>%n kanaal voor het drukste uur (%1 erlang bij 1% blokkering); het heeft er %2</numerusform>
            <numerusform>%n kanalen voor het drukste uur (%1 erlang bij 1% blokkering); het heeft er %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s), saving %1 a month; it has %2</source>
        <translation>
            <numerusform>%n Amerikaanse minutenbundel, bespaart %1 per maand; het heeft er %2</numerusform>
            <numerusform>%n Amerikaanse minutenbundels, besparen %1 per maand; het heeft er %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Every SIP profile has the channels and bundles its calls need.</source>
        <translation>Elk SIP-profiel heeft de kanalen en bundels die de gesprekken nodig hebben.</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>SIP-profiel</translation>
    </message>
</context>
<context>
    <name>sb::Transaction</name>
    <message>
        <source>No transaction is open.</source>
        <translation>Er is geen transactie geopend.</translation>
    </message>
    <message>
        <source>A transaction is already open on this connection.</source>
        <translation>Er is al een transactie geopend op deze verbinding.</translation>
    </message>
</context>
<context>
    <name>sb::UserText</name>
    <message>
        <source>The search is %1 characters long; a search may have at most %2.</source>
        <translation>De zoekopdracht is %1 tekens lang; een zoekopdracht mag hoogstens %2 tekens bevatten.</translation>
    </message>
</context>
<context>
    <name>sb::ctl::CommandLine</name>
    <message>
        <source>SIP profile:   %1</source>
        <translation>SIP-profiel:          %1</translation>
    </message>
    <message>
        <source>Department:    %1</source>
        <translation>Afdeling:             %1</translation>
    </message>
    <message>
        <source>Balance:       %1</source>
        <translation>Saldo:                %1</translation>
    </message>
    <message>
        <source>Authentication: IP %1, UDP port %2</source>
        <translation>Authenticatie:        IP %1, UDP-poort %2</translation>
    </message>
    <message>
        <source>Authentication: registration as %1</source>
        <translation>Authenticatie:        registratie als %1</translation>
    </message>
    <message>
        <source> (renewal not paid: calls stopped)</source>
        <translation> (verlenging niet betaald: gesprekken gestopt)</translation>
    </message>
    <message>
        <source>Linked account: %1</source>
        <translation>Gekoppeld account:    %1</translation>
    </message>
    <message>
        <source>Linked account: %1, extension %2</source>
        <translation>Gekoppeld account:    %1, toestelnummer %2</translation>
    </message>
    <message>
        <source>Number:        %1</source>
        <translation>Nummer:               %1</translation>
    </message>
    <message>
        <source>Account:     %1</source>
        <translation>Account:   %1</translation>
    </message>
    <message>
        <source>Name:        %1</source>
        <translation>Naam:      %1</translation>
    </message>
    <message>
        <source>E-mail:      %1</source>
        <translation>E-mail:    %1</translation>
    </message>
    <message>
        <source>Department:  %1</source>
        <translation>Afdeling:  %1</translation>
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
        <translation>Automatisch opwaarderen: %1 als het saldo lager is dan %2, maandlimiet %3, deze maand opgewaardeerd %4</translation>
    </message>
    <message>
        <source>Auto-recharge suspended until %1</source>
        <translation>Automatisch opwaarderen opgeschort tot %1</translation>
    </message>
    <message>
        <source>Auto-recharge: off</source>
        <translation>Automatisch opwaarderen: uit</translation>
    </message>
    <message>
        <source>Try &apos;switchboardctl --help&apos;.</source>
        <translation>Probeer &apos;switchboardctl --help&apos;.</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>De optie %1 heeft een waarde nodig.</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>Onbekende optie %1.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an amount; write it like 12.50.</source>
        <translation>%1: &quot;%2&quot; is geen bedrag; schrijf het als 12.50.</translation>
    </message>
    <message>
        <source>--now: &quot;%1&quot; is not an ISO 8601 time such as 2026-12-01T09:00:00Z.</source>
        <translation>--now: &quot;%1&quot; is geen ISO 8601-tijd zoals 2026-12-01T09:00:00Z.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Geen opdracht opgegeven.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Onbekende opdracht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>init takes no arguments.</source>
        <translation>init accepteert geen argumenten.</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema %2).</source>
        <translation>Database %1 is klaar (schema %2).</translation>
    </message>
    <message>
        <source>balance takes no arguments.</source>
        <translation>balance accepteert geen argumenten.</translation>
    </message>
    <message>
        <source>Company balance: %1 %2</source>
        <translation>Bedrijfssaldo: %1 %2</translation>
    </message>
    <message>
        <source>Usage: topup AMOUNT [--reference TEXT]</source>
        <translation>Gebruik: topup AMOUNT [--reference TEXT]</translation>
    </message>
    <message>
        <source>Added %1; company balance %2 %3</source>
        <translation>%1 toegevoegd; bedrijfssaldo %2 %3</translation>
    </message>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>Lid %1 (%2) toegevoegd.</translation>
    </message>
    <message>
        <source>Usage: member list [--search TEXT]</source>
        <translation>Gebruik: member list [--search TEXT]</translation>
    </message>
    <message>
        <source>Usage: member show ACCOUNT</source>
        <translation>Gebruik: member show ACCOUNT</translation>
    </message>
    <message>
        <source>Usage: member import FILE.csv [--dry-run]</source>
        <translation>Gebruik: member import FILE.csv [--dry-run]</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>regel %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s).</source>
        <translation>
            <numerusform>%n lid geïmporteerd.</numerusform>
            <numerusform>%n leden geïmporteerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have problems; nothing was imported.</source>
        <translation>
            <numerusform>%n regel heeft problemen; er is niets geïmporteerd.</numerusform>
            <numerusform>%n regels hebben problemen; er is niets geïmporteerd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: member export FILE.csv</source>
        <translation>Gebruik: member export FILE.csv</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation>
            <numerusform>%n lid geëxporteerd naar %1.</numerusform>
            <numerusform>%n leden geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown member command &apos;%1&apos;.</source>
        <translation>Onbekende member-opdracht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</source>
        <translation>Gebruik: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all; company balance %3.</source>
        <translation>
            <numerusform>%1 toegewezen aan %n lid, %2 in totaal; bedrijfssaldo %3.</numerusform>
            <numerusform>%1 toegewezen aan elk van %n leden, %2 in totaal; bedrijfssaldo %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: autorecharge set|off ACCOUNT ...</source>
        <translation>Gebruik: autorecharge set|off ACCOUNT ...</translation>
    </message>
    <message>
        <source>Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</source>
        <translation>Gebruik: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</translation>
    </message>
    <message>
        <source>Auto-recharge saved and enabled for %1.</source>
        <translation>Automatisch opwaarderen opgeslagen en ingeschakeld voor %1.</translation>
    </message>
    <message>
        <source>Usage: autorecharge off ACCOUNT</source>
        <translation>Gebruik: autorecharge off ACCOUNT</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1.</source>
        <translation>Automatisch opwaarderen uitgeschakeld voor %1.</translation>
    </message>
    <message>
        <source>Unknown autorecharge command &apos;%1&apos;.</source>
        <translation>Onbekende autorecharge-opdracht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: billing run</source>
        <translation>Gebruik: billing run</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 100000.</source>
        <translation>--limit: &quot;%1&quot; is geen getal van 1 tot en met 100000.</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a whole number.</source>
        <translation>--seed: &quot;%1&quot; is geen geheel getal.</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.</source>
        <translation>
            <numerusform>%n lid gegenereerd, %1 met automatisch opwaarderen, %2 aan tegoed toegewezen.</numerusform>
            <numerusform>%n leden gegenereerd, %1 met automatisch opwaarderen, %2 aan tegoed toegewezen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number countries|areas|prices|buy|assign|cancel|list ...</source>
        <translation>Gebruik: number countries|areas|prices|buy|assign|cancel|list ...</translation>
    </message>
    <message>
        <source>Name exactly one holder: --member ACCOUNT or --profile NAME.</source>
        <translation>Geef precies één houder op: --member ACCOUNT of --profile NAME.</translation>
    </message>
    <message>
        <source>Usage: number countries</source>
        <translation>Gebruik: number countries</translation>
    </message>
    <message>
        <source>	(terms must be accepted)</source>
        <translation>	(voorwaarden moeten worden geaccepteerd)</translation>
    </message>
    <message>
        <source>Usage: number %1 COUNTRY</source>
        <translation>Gebruik: number %1 COUNTRY</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n maand: %1</numerusform>
            <numerusform>%n maanden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</source>
        <translation>Gebruik: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</translation>
    </message>
    <message>
        <source>--months: &quot;%1&quot; is not 1, 3 or 12.</source>
        <translation>--months: &quot;%1&quot; is niet 1, 3 of 12.</translation>
    </message>
    <message>
        <source>Bought %1 (%2) for %3, paid %4; it renews on %5.</source>
        <translation>%1 (%2) gekocht voor %3, %4 betaald; wordt verlengd op %5.</translation>
    </message>
    <message>
        <source>Usage: number assign E164 (--member ACCOUNT | --profile NAME)</source>
        <translation>Gebruik: number assign E164 (--member ACCOUNT | --profile NAME)</translation>
    </message>
    <message>
        <source>Reminder: the terms of numbers in %1 (for example a local address) still apply to the new holder.</source>
        <translation>Herinnering: de voorwaarden voor nummers in %1 (bijvoorbeeld een lokaal adres) blijven gelden voor de nieuwe houder.</translation>
    </message>
    <message>
        <source>Reminder: the number&apos;s terms still apply to the new holder.</source>
        <translation>Herinnering: de voorwaarden van het nummer blijven gelden voor de nieuwe houder.</translation>
    </message>
    <message>
        <source>%1 now belongs to %2.</source>
        <translation>%1 hoort nu bij %2.</translation>
    </message>
    <message>
        <source>Usage: number cancel E164</source>
        <translation>Gebruik: number cancel E164</translation>
    </message>
    <message>
        <source>%1 is cancelled: usable until %2, then released. No refund.</source>
        <translation>%1 is geannuleerd: bruikbaar tot %2, daarna vrijgegeven. Geen terugbetaling.</translation>
    </message>
    <message>
        <source>Usage: number list [--search TEXT] [--country CC]</source>
        <translation>Gebruik: number list [--search TEXT] [--country CC]</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>Unknown number command &apos;%1&apos;.</source>
        <translation>Onbekende number-opdracht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: credit profile NAME AMOUNT</source>
        <translation>Gebruik: credit profile NAME AMOUNT</translation>
    </message>
    <message>
        <source>Allocated %1 to %2; its balance is %3.</source>
        <translation>%1 toegewezen aan %2; het saldo is nu %3.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1: &quot;%2&quot; is geen geheel getal.</translation>
    </message>
    <message>
        <source>--port goes with --ip (IP authentication).</source>
        <translation>--port hoort bij --ip (IP-authenticatie).</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 with %n channel(s); the company paid %2.</source>
        <translation>
            <numerusform>SIP-profiel %1 gemaakt met %n kanaal; het bedrijf heeft %2 betaald.</numerusform>
            <numerusform>SIP-profiel %1 gemaakt met %n kanalen; het bedrijf heeft %2 betaald.</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP username %1. Show the password with: switchboardctl profile credentials &quot;%2&quot;</source>
        <translation>SIP-gebruikersnaam: %1. Toon het wachtwoord met: switchboardctl profile credentials &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Usage: profile list</source>
        <translation>Gebruik: profile list</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME ...</source>
        <translation>Gebruik: profile %1 NAME ...</translation>
    </message>
    <message>
        <source>Usage: profile show NAME</source>
        <translation>Gebruik: profile show NAME</translation>
    </message>
    <message>
        <source>Usage: profile rename NAME NEWNAME</source>
        <translation>Gebruik: profile rename NAME NEWNAME</translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation>Hernoemd naar %1.</translation>
    </message>
    <message>
        <source>Usage: profile channels NAME N</source>
        <translation>Gebruik: profile channels NAME N</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME</source>
        <translation>Gebruik: profile %1 NAME</translation>
    </message>
    <message>
        <source>--format: only &quot;asterisk&quot; (PJSIP) is available.</source>
        <translation>--format: alleen &quot;asterisk&quot; (PJSIP) is beschikbaar.</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from %1, UDP port %2.</source>
        <translation>IP-authenticatie: de provider accepteert gesprekken van %1, UDP-poort %2.</translation>
    </message>
    <message>
        <source>Username: %1
Password: %2</source>
        <translation>Gebruikersnaam: %1
Wachtwoord: %2</translation>
    </message>
    <message>
        <source>SIP servers: %1</source>
        <translation>SIP-servers: %1</translation>
    </message>
    <message>
        <source>Usage: profile link NAME ACCOUNT [--extension DIGITS]</source>
        <translation>Gebruik: profile link NAME ACCOUNT [--extension DIGITS]</translation>
    </message>
    <message>
        <source>Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.</source>
        <translation>%1 gekoppeld aan %2: gesprekken en nummers worden naar de PBX gerouteerd; aanmelden is uitgeschakeld.</translation>
    </message>
    <message>
        <source>Usage: profile unlink NAME ACCOUNT</source>
        <translation>Gebruik: profile unlink NAME ACCOUNT</translation>
    </message>
    <message>
        <source>Unlinked %1 from %2; sign-in is restored.</source>
        <translation>%1 ontkoppeld van %2; aanmelden is hersteld.</translation>
    </message>
    <message>
        <source>Usage: profile delete NAME --yes [--export-history FILE.csv]</source>
        <translation>Gebruik: profile delete NAME --yes [--export-history FILE.csv]</translation>
    </message>
    <message>
        <source>Unknown profile command &apos;%1&apos;.</source>
        <translation>Onbekende profile-opdracht &apos;%1&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>Outgoing calls: %n channel(s), %1 a month; paid until %2%3</source>
        <translation>
            <numerusform>Uitgaande gesprekken: %n kanaal, %1 per maand; betaald tot %2%3</numerusform>
            <numerusform>Uitgaande gesprekken: %n kanalen, %1 per maand; betaald tot %2%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run, nothing was written. Members that would be added: %1; lines with problems: %2.</source>
        <translation>Proefrun, er is niets geschreven. Toe te voegen leden: %1; regels met problemen: %2.</translation>
    </message>
    <message>
        <source>Billing run done. Numbers renewed: %1 (paid %2), released: %3, expired unpaid: %4. Monthly recharge limits reset: %5, suspensions ended: %6, recharged: %7.</source>
        <translation>Facturering voltooid. Nummers verlengd: %1 (%2 betaald), vrijgegeven: %3, vervallen wegens niet-betaling: %4. Maandelijkse opwaardeerlimieten opnieuw begonnen: %5, opschortingen beëindigd: %6, opgewaardeerd: %7.</translation>
    </message>
    <message numerus="yes">
        <source>%1	%2	%n available</source>
        <translation>
            <numerusform>%1	%2	%n beschikbaar</numerusform>
            <numerusform>%1	%2	%n beschikbaar</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting %1 would: return to the company balance: %2; put numbers back in the pool: %3; unlink accounts: %4; delete call records: %5. Add --yes to delete.</source>
        <translation>Verwijderen van %1 zou: teruggeven aan het bedrijfssaldo: %2; nummers terugzetten in de nummerpool: %3; accounts ontkoppelen: %4; gespreksrecords verwijderen: %5. Voeg --yes toe om te verwijderen.</translation>
    </message>
    <message>
        <source>Deleted %1. Returned to the company balance: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5.</source>
        <translation>%1 verwijderd. Terug naar het bedrijfssaldo: %2; nummers terug in de nummerpool: %3; accounts ontkoppeld: %4; gespreksrecords verwijderd: %5.</translation>
    </message>
    <message>
        <source>Usage: activity [--limit N] [--lang en|nb|fr|nl|pl]</source>
        <translation>Gebruik: activity [--limit N] [--lang en|nb|fr|nl|pl]</translation>
    </message>
    <message>
        <source>--lang: &quot;%1&quot; is not one of en, nb, fr, nl, pl.</source>
        <translation>--lang: &quot;%1&quot; is niet een van en, nb, fr, nl, pl.</translation>
    </message>
    <message>
        <source>How many entries, from 1 to 100000 (20 by default).</source>
        <translation>Hoeveel items, van 1 tot 100000 (standaard 20).</translation>
    </message>
    <message>
        <source>The language of the sentences: en (default), nb, fr, nl or pl.</source>
        <translation>De taal van de zinnen: en (standaard), nb, fr, nl of pl.</translation>
    </message>
    <message>
        <source>The audit log, newest first.</source>
        <translation>Het auditlogboek, nieuwste eerst.</translation>
    </message>
    <message>
        <source>What each recharge adds.</source>
        <translation>Het bedrag dat elke opwaardering toevoegt.</translation>
    </message>
    <message>
        <source>Recharge when the member&apos;s balance falls below this.</source>
        <translation>Opwaarderen als het saldo van het lid onder dit bedrag zakt.</translation>
    </message>
    <message>
        <source>At most this much recharged in a calendar month.</source>
        <translation>Maximaal zoveel opgewaardeerd per kalendermaand.</translation>
    </message>
    <message>
        <source>A member&apos;s automatic recharge from the company balance.</source>
        <translation>Automatisch opwaarderen van een lid uit het bedrijfssaldo.</translation>
    </message>
    <message>
        <source>The company balance.</source>
        <translation>Het bedrijfssaldo.</translation>
    </message>
    <message>
        <source>Renewals, expiries and monthly resets due by now.</source>
        <translation>Verlengingen, vervallen nummers en maandelijkse resets die nu aan de beurt zijn.</translation>
    </message>
    <message>
        <source>Usage: switchboardctl [GLOBAL OPTIONS] %1 ...</source>
        <translation>Gebruik: switchboardctl [GLOBAL OPTIONS] %1 ...</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Opties:</translation>
    </message>
    <message>
        <source>Global options and exit status: switchboardctl --help</source>
        <translation>Globale opties en afsluitstatus: switchboardctl --help</translation>
    </message>
    <message>
        <source>Company credit to members or to a SIP profile.</source>
        <translation>Bedrijfstegoed naar leden of naar een SIP-profiel.</translation>
    </message>
    <message>
        <source>credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT to each member; all or nothing</source>
        <translation>credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT aan elk lid; alles of niets</translation>
    </message>
    <message>
        <source>credit profile NAME AMOUNT                  company credit to a SIP profile</source>
        <translation>credit profile NAME AMOUNT                  bedrijfstegoed naar een SIP-profiel</translation>
    </message>
    <message>
        <source>The same seed generates the same data.</source>
        <translation>Dezelfde seed genereert dezelfde gegevens.</translation>
    </message>
    <message>
        <source>Fill the database with realistic generated data.</source>
        <translation>De database vullen met realistische gegenereerde gegevens.</translation>
    </message>
    <message>
        <source>Create or upgrade the database.</source>
        <translation>De database maken of bijwerken.</translation>
    </message>
    <message>
        <source>The member&apos;s full name (add).</source>
        <translation>De volledige naam van het lid (add).</translation>
    </message>
    <message>
        <source>The member&apos;s e-mail address (add).</source>
        <translation>Het e-mailadres van het lid (add).</translation>
    </message>
    <message>
        <source>The member&apos;s department (add).</source>
        <translation>De afdeling van het lid (add).</translation>
    </message>
    <message>
        <source>Only members whose account, name, e-mail or department contains TEXT, in any case (list).</source>
        <translation>Alleen leden van wie het account, de naam, het e-mailadres of de afdeling TEXT bevat, ongeacht hoofdletters (list).</translation>
    </message>
    <message>
        <source>List every problem of the file and write nothing (import).</source>
        <translation>Elk probleem in het bestand tonen en niets schrijven (import).</translation>
    </message>
    <message>
        <source>member list [--search TEXT]                 every member</source>
        <translation>member list [--search TEXT]                 alle leden</translation>
    </message>
    <message>
        <source>member show ACCOUNT                         one member</source>
        <translation>member show ACCOUNT                         één lid</translation>
    </message>
    <message>
        <source>member import FILE.csv [--dry-run]          all or nothing; the dry run lists every problem</source>
        <translation>member import FILE.csv [--dry-run]          alles of niets; de proefrun toont elk probleem</translation>
    </message>
    <message>
        <source>member export FILE.csv                      a CSV that member import reads back unchanged</source>
        <translation>member export FILE.csv                      een CSV die member import ongewijzigd terugleest</translation>
    </message>
    <message>
        <source>The billing period: 1, 3 or 12 (buy).</source>
        <translation>De factureringsperiode: 1, 3 of 12 (buy).</translation>
    </message>
    <message>
        <source>The member who holds the number (buy, assign).</source>
        <translation>Het lid dat houder is van het nummer (buy, assign).</translation>
    </message>
    <message>
        <source>The SIP profile that holds the number (buy, assign).</source>
        <translation>Het SIP-profiel dat houder is van het nummer (buy, assign).</translation>
    </message>
    <message>
        <source>Accept the country&apos;s terms where it has them (buy).</source>
        <translation>Akkoord gaan met de voorwaarden van het land, als het die heeft (buy).</translation>
    </message>
    <message>
        <source>Only numbers matching TEXT (list).</source>
        <translation>Alleen nummers die overeenkomen met TEXT (list).</translation>
    </message>
    <message>
        <source>Only numbers of this country (list).</source>
        <translation>Alleen nummers van dit land (list).</translation>
    </message>
    <message>
        <source>Phone numbers: where to buy them, buying, assigning, cancelling and listing.</source>
        <translation>Telefoonnummers: waar ze te koop zijn, kopen, toewijzen, annuleren en weergeven.</translation>
    </message>
    <message>
        <source>number countries                            where numbers can be bought</source>
        <translation>number countries                            landen waar nummers te koop zijn</translation>
    </message>
    <message>
        <source>number areas COUNTRY                        area codes with place names and numbers left</source>
        <translation>number areas COUNTRY                        netnummers met plaatsnamen en beschikbare nummers</translation>
    </message>
    <message>
        <source>number prices COUNTRY                       price per billing period (1, 3, 12 months)</source>
        <translation>number prices COUNTRY                       prijs per factureringsperiode (1, 3, 12 maanden)</translation>
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
        <translation>number cancel E164                          bruikbaar tot het einde van de periode, geen terugbetaling</translation>
    </message>
    <message>
        <source>number list [--search TEXT] [--country CC]  every number the company has or had</source>
        <translation>number list [--search TEXT] [--country CC]  alle nummers die het bedrijf heeft of had</translation>
    </message>
    <message>
        <source>IP authentication: the PBX&apos;s public address (create).</source>
        <translation>IP-authenticatie: het openbare adres van de PBX (create).</translation>
    </message>
    <message>
        <source>The PBX&apos;s UDP port, with --ip (create).</source>
        <translation>De UDP-poort van de PBX, samen met --ip (create).</translation>
    </message>
    <message>
        <source>Simultaneous outgoing calls (create).</source>
        <translation>Gelijktijdige uitgaande gesprekken (create).</translation>
    </message>
    <message>
        <source>The profile&apos;s department (create).</source>
        <translation>De afdeling van het profiel (create).</translation>
    </message>
    <message>
        <source>Where the profile&apos;s credentials go (create).</source>
        <translation>Waar de aanmeldgegevens van het profiel naartoe gaan (create).</translation>
    </message>
    <message>
        <source>The PBX: only &quot;asterisk&quot; (PJSIP) for now (pbx-config).</source>
        <translation>De PBX: voorlopig alleen &quot;asterisk&quot; (PJSIP) (pbx-config).</translation>
    </message>
    <message>
        <source>The member&apos;s extension on the PBX (link).</source>
        <translation>Het toestelnummer van het lid op de PBX (link).</translation>
    </message>
    <message>
        <source>Really delete; without it, delete only says what it would do.</source>
        <translation>Echt verwijderen; zonder deze optie meldt delete alleen wat het zou doen.</translation>
    </message>
    <message>
        <source>Save the profile&apos;s call records to this CSV first (delete).</source>
        <translation>Eerst de gespreksrecords van het profiel in deze CSV opslaan (delete).</translation>
    </message>
    <message>
        <source>SIP profiles: a company PBX&apos;s trunk with its channels, accounts and numbers.</source>
        <translation>SIP-profielen: een trunk voor een PBX van het bedrijf, met de kanalen, accounts en nummers ervan.</translation>
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
        <translation>profile credentials NAME                    SIP-gebruikersnaam, wachtwoord en servers</translation>
    </message>
    <message>
        <source>profile pbx-config NAME [--format asterisk] ready-to-paste PBX configuration</source>
        <translation>profile pbx-config NAME [--format asterisk] kant-en-klare PBX-configuratie om te plakken</translation>
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
        <translation>De factuur of betaling waarbij het hoort, voor de boekhouding.</translation>
    </message>
    <message>
        <source>Add bought credit to the company balance.</source>
        <translation>Gekocht tegoed aan het bedrijfssaldo toevoegen.</translation>
    </message>
    <message>
        <source>US minute bundles renewed: %1 (paid %2 from the profiles&apos; balances), lapsed: %3.</source>
        <translation>Amerikaanse minutenbundels verlengd: %1 (%2 betaald uit de saldi van de profielen), vervallen: %3.</translation>
    </message>
    <message>
        <source>US minute bundles of a SIP profile: 5000 minutes a month each, paid from the profile&apos;s balance, never more than its channels.</source>
        <translation>Amerikaanse minutenbundels van een SIP-profiel: elk 5000 minuten per maand, betaald uit het saldo van het profiel, nooit meer dan het aantal kanalen.</translation>
    </message>
    <message>
        <source>bundle add PROFILE COUNT      buy bundles for a profile without any</source>
        <translation>bundle add PROFILE COUNT      bundels kopen voor een profiel dat er nog geen heeft</translation>
    </message>
    <message>
        <source>bundle change PROFILE COUNT   refund the unused minutes, buy COUNT at today&apos;s price</source>
        <translation>bundle change PROFILE COUNT   ongebruikte minuten terugbetalen, COUNT kopen tegen de prijs van vandaag</translation>
    </message>
    <message>
        <source>bundle cancel PROFILE         no renewal; usable until the period&apos;s end</source>
        <translation>bundle cancel PROFILE         geen verlenging; bruikbaar tot het einde van de periode</translation>
    </message>
    <message>
        <source>bundle extend PROFILE         pay the next month now (within 30 days of its end)</source>
        <translation>bundle extend PROFILE         de volgende maand nu betalen (binnen 30 dagen voor het einde)</translation>
    </message>
    <message>
        <source>Usage: bundle add|change|cancel|extend PROFILE [COUNT]</source>
        <translation>Gebruik: bundle add|change|cancel|extend PROFILE [COUNT]</translation>
    </message>
    <message>
        <source>Unknown bundle command &apos;%1&apos;.</source>
        <translation>Onbekende bundle-opdracht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: bundle %1 PROFILE COUNT</source>
        <translation>Gebruik: bundle %1 PROFILE COUNT</translation>
    </message>
    <message>
        <source>Usage: bundle %1 PROFILE</source>
        <translation>Gebruik: bundle %1 PROFILE</translation>
    </message>
    <message>
        <source>bundles: &quot;%1&quot; is not a whole number.</source>
        <translation>bundles: &quot;%1&quot; is geen geheel getal.</translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1: paid %2; the period ends %3.</source>
        <translation>
            <numerusform>%n Amerikaanse minutenbundel voor %1: %2 betaald; de periode eindigt op %3.</numerusform>
            <numerusform>%n Amerikaanse minutenbundels voor %1: %2 betaald; de periode eindigt op %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1: refunded %2 for unused minutes, paid %3; the period ends %4.</source>
        <translation>
            <numerusform>%n Amerikaanse minutenbundel voor %1: %2 terugbetaald voor ongebruikte minuten, %3 betaald; de periode eindigt op %4.</numerusform>
            <numerusform>%n Amerikaanse minutenbundels voor %1: %2 terugbetaald voor ongebruikte minuten, %3 betaald; de periode eindigt op %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are cancelled; usable until %2.</source>
        <translation>De Amerikaanse minutenbundels van %1 zijn geannuleerd; bruikbaar tot %2.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are extended: paid %2; next payment %3.</source>
        <translation>De Amerikaanse minutenbundels van %1 zijn verlengd: %2 betaald; volgende betaling op %3.</translation>
    </message>
    <message>
        <source>asterisk (Master.csv) or freeswitch (mod_cdr_csv, template &quot;example&quot;); found from the file when not given.</source>
        <translation>asterisk (Master.csv) of freeswitch (mod_cdr_csv, sjabloon &quot;example&quot;); zonder deze optie automatisch herkend uit het bestand.</translation>
    </message>
    <message>
        <source>The IANA time zone of the file&apos;s times (import; UTC by default) or of --from and --to (list; this computer&apos;s by default).</source>
        <translation>De IANA-tijdzone van de tijden in het bestand (import; standaard UTC) of van --from en --to (list; standaard die van deze computer).</translation>
    </message>
    <message>
        <source>Only the calls this SIP profile paid.</source>
        <translation>Alleen de gesprekken die dit SIP-profiel heeft betaald.</translation>
    </message>
    <message>
        <source>Only the calls this member paid.</source>
        <translation>Alleen de gesprekken die dit lid heeft betaald.</translation>
    </message>
    <message>
        <source>The first day (YYYY-MM-DD), included.</source>
        <translation>De eerste dag (YYYY-MM-DD), inbegrepen.</translation>
    </message>
    <message>
        <source>The last day (YYYY-MM-DD), included.</source>
        <translation>De laatste dag (YYYY-MM-DD), inbegrepen.</translation>
    </message>
    <message>
        <source>Write every matching call to this CSV file instead (--limit does not apply).</source>
        <translation>Alle overeenkomende gesprekken in plaats daarvan naar dit CSV-bestand schrijven (--limit geldt dan niet).</translation>
    </message>
    <message>
        <source>Only calls whose source or destination contains this number.</source>
        <translation>Alleen gesprekken waarvan de bron of de bestemming dit nummer bevat.</translation>
    </message>
    <message>
        <source>How many calls, newest first, from 1 to 1000000 (1000 by default).</source>
        <translation>Hoeveel gesprekken, nieuwste eerst, van 1 tot 1000000 (standaard 1000).</translation>
    </message>
    <message>
        <source>The PBX&apos;s call records: import and rate them, list the call history.</source>
        <translation>De gespreksrecords van de PBX: importeren en tariferen, de gespreksgeschiedenis weergeven.</translation>
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
        <translation>Gebruik: calls import|list ...</translation>
    </message>
    <message>
        <source>Unknown calls command &apos;%1&apos;.</source>
        <translation>Onbekende calls-opdracht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</source>
        <translation>Gebruik: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</translation>
    </message>
    <message>
        <source>--format: &quot;%1&quot; is not asterisk or freeswitch.</source>
        <translation>--format: &quot;%1&quot; is niet asterisk of freeswitch.</translation>
    </message>
    <message>
        <source>--time-zone: &quot;%1&quot; is not an IANA time zone such as Europe/Oslo or America/New_York.</source>
        <translation>--time-zone: &quot;%1&quot; is geen IANA-tijdzone zoals Europe/Oslo of America/New_York.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s) with problems.</source>
        <translation>
            <numerusform>… en nog %n regel met problemen.</numerusform>
            <numerusform>… en nog %n regels met problemen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unknown account code &quot;%1&quot;: %n record(s), the first on line %2.</source>
        <translation>
            <numerusform>Onbekende accountcode &quot;%1&quot;: %n record, op regel %2.</numerusform>
            <numerusform>Onbekende accountcode &quot;%1&quot;: %n records, het eerste op regel %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2 was not charged: %3</source>
        <translation>regel %1: %2 is niet in rekening gebracht: %3</translation>
    </message>
    <message>
        <source>Imported calls: %1; duplicates skipped: %2; lines with problems: %3; calls charged: %5, %4 in all.</source>
        <translation>Gesprekken geïmporteerd: %1, dubbele overgeslagen: %2, regels met problemen: %3; in rekening gebracht: %4 (gesprekken: %5).</translation>
    </message>
    <message>
        <source>Usage: calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</source>
        <translation>Gebruik: calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</translation>
    </message>
    <message>
        <source>Give --profile or --member, not both.</source>
        <translation>Geef --profile of --member op, niet allebei.</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation>--%1: &quot;%2&quot; is geen datum (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2).</source>
        <translation>--to (%1) ligt vóór --from (%2).</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 1000000.</source>
        <translation>--limit: &quot;%1&quot; is geen getal van 1 tot en met 1000000.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n call(s) to %1.</source>
        <translation>
            <numerusform>%n gesprek geëxporteerd naar %1.</numerusform>
            <numerusform>%n gesprekken geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>How many members, 0 to %1 (200 if not given).</source>
        <translation>Hoeveel leden, 0 tot %1 (standaard 200).</translation>
    </message>
    <message>
        <source>How many SIP profiles with channels, 0 to %1.</source>
        <translation>Hoeveel SIP-profielen met kanalen, 0 tot %1.</translation>
    </message>
    <message>
        <source>How many numbers across the catalogue, for members and profiles (at most what the catalogue has free).</source>
        <translation>Hoeveel nummers uit de hele catalogus, voor leden en profielen (maximaal wat de catalogus vrij heeft).</translation>
    </message>
    <message>
        <source>How many call records over the last three months, rated and charged like an imported Master.csv.</source>
        <translation>Hoeveel gespreksrecords over de afgelopen drie maanden, getarifeerd en in rekening gebracht zoals een geïmporteerde Master.csv.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 0 to %3.</source>
        <translation>%1: &quot;%2&quot; is geen getal van 0 tot %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n SIP profile(s); channels: %1, numbers: %2.</source>
        <translation>
            <numerusform>%n SIP-profiel; kanalen: %1, nummers: %2.</numerusform>
            <numerusform>%n SIP-profielen; kanalen: %1, nummers: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue had only %1 free numbers of the %2 asked for.</source>
        <translation>De catalogus had maar %1 van de %2 gevraagde nummers vrij.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) imported; charged calls: %1, %2 in all; payers left owing: %3, %4 together.</source>
        <translation>
            <numerusform>%n gesprek geïmporteerd; in rekening gebracht: %1 (samen %2); betalers met een schuld: %3 (samen %4).</numerusform>
            <numerusform>%n gesprekken geïmporteerd; in rekening gebracht: %1 (samen %2); betalers met een schuld: %3 (samen %4).</numerusform>
        </translation>
    </message>
    <message>
        <source>The price list in force: showing it, and importing one in its place.</source>
        <translation>De geldende prijslijst: weergeven en vervangen door een geïmporteerde.</translation>
    </message>
    <message>
        <source>prices show                                 bundle, channel and number prices, per-minute rates</source>
        <translation>prices show                                 bundel-, kanaal- en nummerprijzen, minuuttarieven</translation>
    </message>
    <message>
        <source>prices import FILE                          replace the price list with FILE (JSON, validated whole)</source>
        <translation>prices import FILE                          de prijslijst vervangen door FILE (JSON, als geheel gecontroleerd)</translation>
    </message>
    <message>
        <source>Usage: prices show|import ...</source>
        <translation>Gebruik: prices show|import ...</translation>
    </message>
    <message>
        <source>Unknown prices command &apos;%1&apos;.</source>
        <translation>Onbekende prices-opdracht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: prices show</source>
        <translation>Gebruik: prices show</translation>
    </message>
    <message>
        <source>Price list in force: imported</source>
        <translation>Geldende prijslijst: geïmporteerd</translation>
    </message>
    <message>
        <source>Price list in force: built-in</source>
        <translation>Geldende prijslijst: ingebouwd</translation>
    </message>
    <message>
        <source>US minute bundle (5000 minutes a month): %1 %2</source>
        <translation>Amerikaanse minutenbundel (5000 minuten per maand): %1 %2</translation>
    </message>
    <message>
        <source>Channel (a month): %1 %2</source>
        <translation>Kanaal (per maand): %1 %2</translation>
    </message>
    <message>
        <source>Numbers (1, 3 and 12 months):</source>
        <translation>Nummers (1, 3 en 12 maanden):</translation>
    </message>
    <message>
        <source>Per-minute rates (prefix, rate, destination):</source>
        <translation>Minuuttarieven (voorvoegsel, tarief, bestemming):</translation>
    </message>
    <message>
        <source>Usage: prices import FILE</source>
        <translation>Gebruik: prices import FILE</translation>
    </message>
    <message>
        <source>Imported the price list %1: number prices for %2 countries, %3 per-minute rates. It is in force now.</source>
        <translation>Prijslijst %1 geïmporteerd: nummerprijzen voor %2 landen, %3 minuuttarieven. Deze prijslijst geldt nu.</translation>
    </message>
    <message>
        <source>US bundles:    none</source>
        <translation>Amerikaanse bundels:  geen</translation>
    </message>
    <message>
        <source>US bundles:    %1 at %2 each; %3 of %4 minutes used until %5; %6</source>
        <translation>Amerikaanse bundels:  %1 à %2; %3 van %4 minuten gebruikt tot %5; %6</translation>
    </message>
    <message>
        <source>cancelled, usable until %1</source>
        <translation>geannuleerd, bruikbaar tot %1</translation>
    </message>
    <message>
        <source>next payment %1</source>
        <translation>volgende betaling op %1</translation>
    </message>
    <message>
        <source>Monthly cost:  %1 (channels %2, bundles %3)</source>
        <translation>Maandkosten:          %1 (kanalen %2, bundels %3)</translation>
    </message>
    <message>
        <source>The member&apos;s country, two letters (add; default US): numbers it dials are read as dialled there.</source>
        <translation>Het land van het lid, twee letters (add; standaard US): nummers die het lid kiest, worden geïnterpreteerd alsof ze daar zijn gekozen.</translation>
    </message>
    <message>
        <source>Country:     %1</source>
        <translation>Land:      %1</translation>
    </message>
    <message>
        <source>The members of the account: add, list, show, country, import and export.</source>
        <translation>De leden van het account: add, list, show, country, import en export.</translation>
    </message>
    <message>
        <source>member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</source>
        <translation>member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</translation>
    </message>
    <message>
        <source>member country ACCOUNT CC                   the country its dialled numbers are read in</source>
        <translation>member country ACCOUNT CC                   het land waarin de gekozen nummers worden geïnterpreteerd</translation>
    </message>
    <message>
        <source>Usage: member add|list|show|country|import|export ...</source>
        <translation>Gebruik: member add|list|show|country|import|export ...</translation>
    </message>
    <message>
        <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</source>
        <translation>Gebruik: member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</translation>
    </message>
    <message>
        <source>Usage: member country ACCOUNT CC</source>
        <translation>Gebruik: member country ACCOUNT CC</translation>
    </message>
    <message>
        <source>The country of %1 is now %2.</source>
        <translation>Het land van %1 is nu %2.</translation>
    </message>
    <message>
        <source>The profile&apos;s country, two letters (create; default US): numbers its calls dial are read as dialled there.</source>
        <translation>Het land van het profiel, twee letters (create; standaard US): nummers die de gesprekken ervan kiezen, worden geïnterpreteerd alsof ze daar zijn gekozen.</translation>
    </message>
    <message>
        <source>Country:       %1</source>
        <translation>Land:                 %1</translation>
    </message>
    <message>
        <source>profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</source>
        <translation>profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</translation>
    </message>
    <message>
        <source>profile country NAME CC                     the country its dialled numbers are read in</source>
        <translation>profile country NAME CC                     het land waarin de gekozen nummers worden geïnterpreteerd</translation>
    </message>
    <message>
        <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</source>
        <translation>Gebruik: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</translation>
    </message>
    <message>
        <source>Usage: profile country NAME CC</source>
        <translation>Gebruik: profile country NAME CC</translation>
    </message>
    <message>
        <source>The country of SIP profile %1 is now %2.</source>
        <translation>Het land van het SIP-profiel %1 is nu %2.</translation>
    </message>
    <message>
        <source>Advice per SIP profile: the channels its busiest hour needs (Erlang B at 1% blocking) and the US minute bundles that would have cost least over its last three full months of calls.</source>
        <translation>Advies per SIP-profiel: de kanalen die het drukste uur nodig heeft (Erlang B bij 1% blokkering) en de Amerikaanse minutenbundels die over de laatste drie volledige maanden met gesprekken het minst hadden gekost.</translation>
    </message>
    <message>
        <source>advice [PROFILE]                            every profile, or the one named</source>
        <translation>advice [PROFILE]                            elk profiel, of het opgegeven profiel</translation>
    </message>
    <message>
        <source>Usage: advice [PROFILE]</source>
        <translation>Gebruik: advice [PROFILE]</translation>
    </message>
    <message>
        <source>There are no SIP profiles.</source>
        <translation>Er zijn geen SIP-profielen.</translation>
    </message>
    <message>
        <source>  Channels: %1; the busiest hour (%2 UTC, %3 erlangs) needs %4 at 1% blocking.</source>
        <translation>  Kanalen: %1; het drukste uur (%2 UTC, %3 erlang) heeft er %4 nodig bij 1% blokkering.</translation>
    </message>
    <message>
        <source>  Channels: %1; no call records yet.</source>
        <translation>  Kanalen: %1; nog geen gespreksrecords.</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; not enough call records yet (no full month).</source>
        <translation>  Amerikaanse bundels: %1; nog niet genoeg gespreksrecords (geen volledige maand).</translation>
    </message>
    <message>
        <source>  US minute bundles: none; none would have paid off (%1 to %2).</source>
        <translation>  Amerikaanse bundels: geen; geen enkele bundel had zich terugbetaald (%1 tot %2).</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; keep them (%2 to %3).</source>
        <translation>  Amerikaanse bundels: %1; houden zo (%2 tot %3).</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; %2 would have cost least, saving %3 %4 a month (%5 to %6).</source>
        <translation>  Amerikaanse bundels: %1; %2 had het minst gekost en %3 %4 per maand bespaard (%5 tot %6).</translation>
    </message>
    <message>
        <source>The calendar month (UTC), YYYY-MM.</source>
        <translation>De kalendermaand (UTC), JJJJ-MM.</translation>
    </message>
    <message>
        <source>Write the statement to this PDF file.</source>
        <translation>Het maandoverzicht naar dit PDF-bestand schrijven.</translation>
    </message>
    <message>
        <source>Write the statement to this CSV file.</source>
        <translation>Het maandoverzicht naar dit CSV-bestand schrijven.</translation>
    </message>
    <message>
        <source>Reports: the monthly statement as PDF or CSV.</source>
        <translation>Rapporten: het maandoverzicht als PDF of CSV.</translation>
    </message>
    <message>
        <source>report statement --month YYYY-MM (--pdf FILE | --csv FILE)</source>
        <translation>report statement --month YYYY-MM (--pdf FILE | --csv FILE)</translation>
    </message>
    <message>
        <source>Usage: report statement --month YYYY-MM (--pdf FILE | --csv FILE)</source>
        <translation>Gebruik: report statement --month YYYY-MM (--pdf FILE | --csv FILE)</translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;.</source>
        <translation>Onbekend rapport &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Statement of %1 written to %2: company balance %3 at the start, %4 at the end; spent %5.</source>
        <translation>Maandoverzicht van %1 geschreven naar %2: bedrijfssaldo %3 aan het begin, %4 aan het einde; uitgegeven %5.</translation>
    </message>
    <message>
        <source>--now: %1 is more than a year away from this computer&apos;s clock (%2); add --force-time if that is what you mean.</source>
        <translation>--now: %1 ligt meer dan een jaar af van de klok van deze computer (%2); voeg --force-time toe als u dat echt bedoelt.</translation>
    </message>
    <message>
        <source>profile send-credentials NAME               mail the credentials to the profile&apos;s e-mail</source>
        <translation>profile send-credentials NAME               de aanmeldgegevens naar het e-mailadres van het profiel mailen</translation>
    </message>
    <message>
        <source>profile probe NAME [--timeout-ms N]          SIP OPTIONS to the PBX and the provider&apos;s servers</source>
        <translation>profile probe NAME [--timeout-ms N]          SIP OPTIONS naar de PBX en de servers van de provider</translation>
    </message>
    <message>
        <source>Usage: profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|link|unlink|delete|probe ...</source>
        <translation>Gebruik: profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|link|unlink|delete|probe ...</translation>
    </message>
    <message>
        <source>The credentials were sent to %1.</source>
        <translation>De aanmeldgegevens zijn naar %1 verzonden.</translation>
    </message>
    <message>
        <source>The credentials were not sent: %1</source>
        <translation>De aanmeldgegevens zijn niet verzonden: %1</translation>
    </message>
    <message>
        <source>Usage: profile send-credentials NAME</source>
        <translation>Gebruik: profile send-credentials NAME</translation>
    </message>
    <message>
        <source>The credentials of %1 were sent to %2.</source>
        <translation>De aanmeldgegevens van %1 zijn naar %2 verzonden.</translation>
    </message>
    <message>
        <source>How long to wait for each server, 500 to 32000 ms (probe; default: the setting, 32000 unless changed).</source>
        <translation>Hoe lang er op elke server wordt gewacht, 500 tot 32000 ms (probe; standaard: de instelling, 32000 tenzij gewijzigd).</translation>
    </message>
    <message>
        <source>Checks a SIP profile&apos;s trunk: SIP OPTIONS to its PBX and the provider&apos;s servers.</source>
        <translation>Controleert de trunk van een SIP-profiel: SIP OPTIONS naar de PBX ervan en naar de servers van de provider.</translation>
    </message>
    <message>
        <source>profile probe NAME [--timeout-ms N]      SIP OPTIONS to the PBX and the provider&apos;s servers</source>
        <translation>profile probe NAME [--timeout-ms N]      SIP OPTIONS naar de PBX en de servers van de provider</translation>
    </message>
    <message>
        <source>Usage: profile probe NAME [--timeout-ms N]</source>
        <translation>Gebruik: profile probe NAME [--timeout-ms N]</translation>
    </message>
    <message>
        <source>PBX:      %1</source>
        <translation>PBX:      %1</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Provider: %1</translation>
    </message>
    <message>
        <source>The mail server&apos;s host name (mail).</source>
        <translation>De hostnaam van de mailserver (mail).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port (mail; default 587 for starttls, 465 for tls, 25 for none).</source>
        <translation>De poort van de mailserver (mail; standaard 587 voor starttls, 465 voor tls, 25 voor none).</translation>
    </message>
    <message>
        <source>starttls, tls, or none for a server on this machine only (mail; default starttls).</source>
        <translation>starttls, tls, of none voor alleen een server op deze computer (mail; standaard starttls).</translation>
    </message>
    <message>
        <source>The sender address of the messages (mail).</source>
        <translation>Het afzenderadres van de berichten (mail).</translation>
    </message>
    <message>
        <source>The user to log in as (mail); without it, no login.</source>
        <translation>De gebruiker om mee aan te melden (mail); zonder deze optie wordt er niet aangemeld.</translation>
    </message>
    <message>
        <source>Read the user&apos;s password from the first line of standard input (mail); without it, the stored password is kept.</source>
        <translation>Het wachtwoord van de gebruiker lezen uit de eerste regel van de standaardinvoer (mail); zonder deze optie blijft het opgeslagen wachtwoord behouden.</translation>
    </message>
    <message>
        <source>Mail server:  none</source>
        <translation>Mailserver:   geen</translation>
    </message>
    <message>
        <source>Mail server:  %1, port %2 (%3), sender %4, no login</source>
        <translation>Mailserver:   %1, poort %2 (%3), afzender %4, zonder aanmelding</translation>
    </message>
    <message>
        <source>Mail server:  %1, port %2 (%3), sender %4, login as %5</source>
        <translation>Mailserver:   %1, poort %2 (%3), afzender %4, aanmelden als %5</translation>
    </message>
    <message>
        <source>Settings every copy of the program shares: the provider&apos;s SIP servers and the mail server.</source>
        <translation>Instellingen die elk exemplaar van het programma deelt: de SIP-servers van de provider en de mailserver.</translation>
    </message>
    <message>
        <source>settings show                               the SIP servers and the mail server</source>
        <translation>settings show                               de SIP-servers en de mailserver</translation>
    </message>
    <message>
        <source>settings sip-servers HOST:PORT[,HOST:PORT...] the provider&apos;s SIP servers</source>
        <translation>settings sip-servers HOST:PORT[,HOST:PORT...] de SIP-servers van de provider</translation>
    </message>
    <message>
        <source>settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</source>
        <translation>settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</translation>
    </message>
    <message>
        <source>settings mail test ADDRESS                  send a test message through the mail server</source>
        <translation>settings mail test ADDRESS                  een testbericht via de mailserver verzenden</translation>
    </message>
    <message>
        <source>settings mail clear                         forget the mail server and its password</source>
        <translation>settings mail clear                         de mailserver en het wachtwoord ervan vergeten</translation>
    </message>
    <message>
        <source>Usage: settings show|sip-servers|mail ...</source>
        <translation>Gebruik: settings show|sip-servers|mail ...</translation>
    </message>
    <message>
        <source>Unknown settings command &apos;%1&apos;.</source>
        <translation>Onbekende settings-opdracht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: settings show</source>
        <translation>Gebruik: settings show</translation>
    </message>
    <message>
        <source>SIP servers:  %1</source>
        <translation>SIP-servers:  %1</translation>
    </message>
    <message>
        <source>Usage: settings sip-servers HOST:PORT[,HOST:PORT...]</source>
        <translation>Gebruik: settings sip-servers HOST:PORT[,HOST:PORT...]</translation>
    </message>
    <message>
        <source>Usage: settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</source>
        <translation>Gebruik: settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</translation>
    </message>
    <message>
        <source>--password-stdin goes with --user.</source>
        <translation>--password-stdin hoort bij --user.</translation>
    </message>
    <message>
        <source>--security: &quot;%1&quot; is not starttls, tls or none.</source>
        <translation>--security: &quot;%1&quot; is niet starttls, tls of none.</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation>--password-stdin: de standaardinvoer bevatte geen wachtwoord.</translation>
    </message>
    <message>
        <source>Usage: settings mail test ADDRESS</source>
        <translation>Gebruik: settings mail test ADDRESS</translation>
    </message>
    <message>
        <source>The mail server accepted a test message to %1.</source>
        <translation>De mailserver heeft een testbericht aan %1 geaccepteerd.</translation>
    </message>
    <message>
        <source>Usage: settings mail clear</source>
        <translation>Gebruik: settings mail clear</translation>
    </message>
    <message>
        <source>Mix the demo data into a database that already holds an account.</source>
        <translation>De demogegevens mengen in een database die al een account bevat.</translation>
    </message>
    <message>
        <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]</source>
        <translation>Gebruik: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]</translation>
    </message>
    <message>
        <source>%1 Add --yes to mix it in all the same.</source>
        <translation>%1 Voeg --yes toe om ze er toch in te mengen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n channel(s) (it had %2): paid %3, credited %4 for the unused days of the old ones, next payment on %5.</source>
        <translation>
            <numerusform>%1 heeft nu %n kanaal (had er %2): %3 betaald, %4 gecrediteerd voor de ongebruikte dagen van de oude kanalen, volgende betaling op %5.</numerusform>
            <numerusform>%1 heeft nu %n kanalen (had er %2): %3 betaald, %4 gecrediteerd voor de ongebruikte dagen van de oude kanalen, volgende betaling op %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...</source>
        <translation>Gebruik: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Opdrachten:</translation>
    </message>
    <message>
        <source>COMMAND --help shows a command&apos;s options.</source>
        <translation>COMMAND --help toont de opties van een opdracht.</translation>
    </message>
    <message>
        <source>The database defaults to $SWITCHBOARD_DATABASE, else the window&apos;s own SQLite file.</source>
        <translation>Standaard wordt de database $SWITCHBOARD_DATABASE gebruikt, anders het eigen SQLite-bestand van de desktopapp.</translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 refused (nothing changed), 2 usage error.</source>
        <translation>Afsluitstatus: 0 gelukt, 1 geweigerd (niets gewijzigd), 2 gebruiksfout.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>Search by who, action, account, profile or number (Ctrl+F)</source>
        <translation>Zoeken op wie, actie, account, profiel of nummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Activiteit doorzoeken</translation>
    </message>
    <message>
        <source>Nothing has happened yet</source>
        <translation>Er is nog niets gebeurd</translation>
    </message>
    <message>
        <source>Every change to the account is logged here with who made it and when: top-ups, members, numbers, SIP profiles and billing.</source>
        <translation>Elke wijziging in het account wordt hier vastgelegd, met wie de wijziging deed en wanneer: opwaarderingen, leden, nummers, SIP-profielen en facturering.</translation>
    </message>
</context>
<context>
    <name>sb::ui::AddMemberDialog</name>
    <message>
        <source>Add member</source>
        <translation>Lid toevoegen</translation>
    </message>
    <message>
        <source>The account name is how the member signs in: 6 to 32 characters, starting with a letter; letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Met de accountnaam meldt het lid zich aan: 6 tot 32 tekens, beginnend met een letter; letters, cijfers, &apos;.&apos;, &apos;_&apos; en &apos;-&apos;.</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Accountnaam:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Weergavenaam:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>De&amp;partment:</source>
        <translation>A&amp;fdeling:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Accountnaam</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>bijv. %1</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Weergavenaam</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optioneel</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Numbers the member dials are read as dialled in this country (its national forms and international prefix).</source>
        <translation>Nummers die het lid kiest, worden geïnterpreteerd alsof ze in dit land zijn gekozen (met de nationale notaties en het internationale voorvoegsel van dit land).</translation>
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
            <numerusform>%1 en %n andere</numerusform>
            <numerusform>%1 en %n andere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give credit to %n member(s): %1</source>
        <translation>
            <numerusform>Tegoed geven aan %n lid: %1</numerusform>
            <numerusform>Tegoed geven aan %n leden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>&quot;%1&quot; is geen bedrag. Typ het als %2.</translation>
    </message>
    <message>
        <source>The total is too large.</source>
        <translation>Het totaal is te groot.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Top up the company balance first, or give less.</source>
        <translation>
            <numerusform>Het bedrijfssaldo (%1) dekt geen %2 voor %n lid (%3 in totaal). Waardeer eerst het bedrijfssaldo op of geef minder.</numerusform>
            <numerusform>Het bedrijfssaldo (%1) dekt geen %2 voor elk van %n leden (%3 in totaal). Waardeer eerst het bedrijfssaldo op of geef minder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%2 × %n member(s))</source>
        <translation>
            <numerusform>Totaal: %1 (%2 × %n lid)</numerusform>
            <numerusform>Totaal: %1 (%2 × %n leden)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Totaal: —</translation>
    </message>
    <message>
        <source>Company balance: %1, after the allocation: %2.</source>
        <translation>Bedrijfssaldo: %1, na de toewijzing: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Bedrijfssaldo: %1.</translation>
    </message>
    <message>
        <source>Allocate %1</source>
        <translation>%1 toewijzen</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Toewijzen</translation>
    </message>
    <message>
        <source>Allocate credit</source>
        <translation>Tegoed toewijzen</translation>
    </message>
    <message>
        <source>&amp;Amount for each member (%1):</source>
        <translation>&amp;Bedrag per lid (%1):</translation>
    </message>
    <message>
        <source>Amount for each member</source>
        <translation>Bedrag per lid</translation>
    </message>
    <message>
        <source>Selected members</source>
        <translation>Geselecteerde leden</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Bedrijfssaldo</translation>
    </message>
    <message>
        <source>The amount is deducted from the company balance at once and added to each member. Allocated credit cannot be taken back from a member.</source>
        <translation>Het bedrag wordt direct van het bedrijfssaldo afgeschreven en bij elk lid bijgeschreven. Toegewezen tegoed kan niet van een lid worden teruggenomen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>sb::ui::AllocateProfileCreditDialog</name>
    <message>
        <source>Give credit to the SIP profile %1 (balance now %2). Its calls are paid from it.</source>
        <translation>Geef tegoed aan het SIP-profiel %1 (saldo nu %2). De gesprekken via dit profiel worden daaruit betaald.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>&quot;%1&quot; is geen bedrag. Typ het als %2.</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2. Top up the company balance first, or give less.</source>
        <translation>Het bedrijfssaldo (%1) dekt geen %2. Waardeer eerst het bedrijfssaldo op of geef minder.</translation>
    </message>
    <message>
        <source>Company balance: %1, after the allocation: %2.</source>
        <translation>Bedrijfssaldo: %1, na de toewijzing: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Bedrijfssaldo: %1.</translation>
    </message>
    <message>
        <source>Allocate %1</source>
        <translation>%1 toewijzen</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Toewijzen</translation>
    </message>
    <message>
        <source>Allocate credit to a SIP profile</source>
        <translation>Tegoed toewijzen aan een SIP-profiel</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Bedrag (%1):</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>SIP-profiel</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Bedrijfssaldo</translation>
    </message>
    <message>
        <source>The amount is deducted from the company balance at once. Credit allocated to a SIP profile cannot be taken back; it returns to the company balance only if the profile is deleted.</source>
        <translation>Het bedrag wordt direct van het bedrijfssaldo afgeschreven. Tegoed dat aan een SIP-profiel is toegewezen, kan niet worden teruggenomen; het gaat alleen terug naar het bedrijfssaldo als het profiel wordt verwijderd.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>sb::ui::AmountEdit</name>
    <message>
        <source>e.g. %1</source>
        <translation>bijv. %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::AutoRechargeDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>&quot;%1&quot; is geen bedrag. Typ het als %2.</translation>
    </message>
    <message>
        <source>Whenever the balance of %1 is below %2, %3 moves from the company balance to the member, at most %4 each calendar month.</source>
        <translation>Telkens als het saldo van %1 onder %2 komt, gaat %3 van het bedrijfssaldo naar het lid, hoogstens %4 per kalendermaand.</translation>
    </message>
    <message>
        <source>The balance is %1 now, below the threshold: the recharge happens as soon as you save.</source>
        <translation>Het saldo is nu %1, onder de drempel: de opwaardering gebeurt zodra u opslaat.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1</source>
        <translation>Automatisch opwaarderen voor %1</translation>
    </message>
    <message>
        <source>%1 (%2) has %3.</source>
        <translation>%1 (%2) heeft %3.</translation>
    </message>
    <message>
        <source>Auto-recharge is off.</source>
        <translation>Automatisch opwaarderen staat uit.</translation>
    </message>
    <message>
        <source>Auto-recharge is on. Recharged this month: %1 of %2.</source>
        <translation>Automatisch opwaarderen staat aan. Deze maand opgewaardeerd: %1 van %2.</translation>
    </message>
    <message>
        <source>The monthly recharge limit is reached: auto-recharge is suspended until %1.</source>
        <translation>De maandelijkse opwaardeerlimiet is bereikt: automatisch opwaarderen is opgeschort tot %1.</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Huidige toestand</translation>
    </message>
    <message>
        <source>&amp;Recharge the account with (%1):</source>
        <translation>Account &amp;opwaarderen met (%1):</translation>
    </message>
    <message>
        <source>&amp;When the balance is below:</source>
        <translation>&amp;Als het saldo lager is dan:</translation>
    </message>
    <message>
        <source>&amp;Monthly recharge limit:</source>
        <translation>&amp;Maandelijkse opwaardeerlimiet:</translation>
    </message>
    <message>
        <source>Recharge amount</source>
        <translation>Opwaardeerbedrag</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <source>Monthly recharge limit</source>
        <translation>Maandelijkse opwaardeerlimiet</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Wat er gaat gebeuren</translation>
    </message>
    <message>
        <source>Save and enable</source>
        <translation>Opslaan en inschakelen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Uitschakelen</translation>
    </message>
    <message>
        <source>Turn off auto-recharge</source>
        <translation>Automatisch opwaarderen uitschakelen</translation>
    </message>
</context>
<context>
    <name>sb::ui::BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
</context>
<context>
    <name>sb::ui::BundlesDialog</name>
    <message numerus="yes">
        <source>Each bundle gives %1 5000 minutes a month of calls to US mobiles and landlines, paid from the profile&apos;s own balance. It has %n channel(s): at most that many bundles.</source>
        <translation>
            <numerusform>Elke bundel geeft %1 per maand 5000 minuten aan gesprekken naar Amerikaanse mobiele en vaste nummers, betaald uit het eigen saldo. Het profiel heeft %n kanaal: dus maximaal één bundel.</numerusform>
            <numerusform>Elke bundel geeft %1 per maand 5000 minuten aan gesprekken naar Amerikaanse mobiele en vaste nummers, betaald uit het eigen saldo. Het profiel heeft %n kanalen: maximaal evenveel bundels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n bundle(s) at %2 each, %3 of %4 minutes used this period. The current bundles are cancelled and their unused minutes refunded to the profile&apos;s balance; the new count is bought at today&apos;s price.</source>
        <translation>
            <numerusform>%1 heeft %n bundel à %2, %3 van %4 minuten gebruikt in deze periode. De huidige bundel wordt geannuleerd en de ongebruikte minuten worden terugbetaald op het saldo van het profiel; het nieuwe aantal wordt gekocht tegen de prijs van vandaag.</numerusform>
            <numerusform>%1 heeft %n bundels à %2 per stuk, %3 van %4 minuten gebruikt in deze periode. De huidige bundels worden geannuleerd en de ongebruikte minuten worden terugbetaald op het saldo van het profiel; het nieuwe aantal wordt gekocht tegen de prijs van vandaag.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s): %1 a month, paid now; renewed on %2</source>
        <translation>
            <numerusform>%n bundel: %1 per maand, nu betaald; wordt verlengd op %2</numerusform>
            <numerusform>%n bundels: %1 per maand, nu betaald; worden verlengd op %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund for %1 unused minutes: %2. New cost: %3 a month.</source>
        <translation>Terugbetaling voor %1 ongebruikte minuten: %2. Nieuwe kosten: %3 per maand.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n bundle(s): choose another count.</source>
        <translation>
            <numerusform>%1 heeft al %n bundel: kies een ander aantal.</numerusform>
            <numerusform>%1 heeft al %n bundels: kies een ander aantal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %3 for %n bundle(s). Allocate credit to the profile first.</source>
        <translation>
            <numerusform>Het saldo van %1 (%2) kan %3 voor %n bundel niet betalen. Wijs eerst tegoed toe aan het profiel.</numerusform>
            <numerusform>Het saldo van %1 (%2) kan %3 voor %n bundels niet betalen. Wijs eerst tegoed toe aan het profiel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile balance: %1.</source>
        <translation>Profielsaldo: %1.</translation>
    </message>
    <message>
        <source>Profile balance: %1, after buying: %2.</source>
        <translation>Profielsaldo: %1, na de aankoop: %2.</translation>
    </message>
    <message>
        <source>Add US minute bundles</source>
        <translation>Amerikaanse minutenbundels toevoegen</translation>
    </message>
    <message>
        <source>Change US minute bundles</source>
        <translation>Amerikaanse minutenbundels wijzigen</translation>
    </message>
    <message>
        <source>&amp;Bundles (1–%1):</source>
        <translation>&amp;Bundels (1–%1):</translation>
    </message>
    <message>
        <source>Number of bundles</source>
        <translation>Aantal bundels</translation>
    </message>
    <message>
        <source>About the bundles</source>
        <translation>Over de bundels</translation>
    </message>
    <message>
        <source>Bu&amp;y now</source>
        <translation>&amp;Nu kopen</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>Nu kopen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Advice: not enough call records yet (it needs a full month of calls).</source>
        <translation>Advies: nog niet genoeg gespreksrecords (er is een volledige maand met gesprekken nodig).</translation>
    </message>
    <message>
        <source>Advice: no bundles; they would not have paid off.</source>
        <translation>Advies: geen bundels; die hadden zich niet terugbetaald.</translation>
    </message>
    <message numerus="yes">
        <source>Advice: keep %n bundle(s)</source>
        <translation>
            <numerusform>Advies: %n bundel houden</numerusform>
            <numerusform>Advies: %n bundels houden</numerusform>
        </translation>
    </message>
    <message>
        <source>Advice: no bundles, saves %1 a month</source>
        <translation>Advies: geen bundels, bespaart %1 per maand</translation>
    </message>
    <message numerus="yes">
        <source>Advice: %n bundle(s), saves %1 a month</source>
        <translation>
            <numerusform>Advies: %n bundel, bespaart %1 per maand</numerusform>
            <numerusform>Advies: %n bundels, bespaart %1 per maand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From the US minutes of the last %n full month(s) with calls (%1 to %2) at today&apos;s prices.</source>
        <translation>
            <numerusform>Op basis van de Amerikaanse minuten van de laatste volledige maand met gesprekken (%1 tot %2) tegen de huidige prijzen.</numerusform>
            <numerusform>Op basis van de Amerikaanse minuten van de laatste %n volledige maanden met gesprekken (%1 tot %2) tegen de huidige prijzen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::BuyNumbersWizard</name>
    <message>
        <source>SIP profile %1</source>
        <translation>SIP-profiel %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 is already in the list: each gets one number.</source>
        <translation>%1 staat al in de lijst: elk krijgt één nummer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 en %n andere</numerusform>
            <numerusform>%1 en %n andere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One number for each of %n holder(s): %1</source>
        <translation>
            <numerusform>Eén nummer voor %n houder: %1</numerusform>
            <numerusform>Eén nummer voor elk van %n houders: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept terms (for example a local address in %1). You will be asked to accept them before buying.</source>
        <translation>Voor nummers in %1 moet de houder akkoord gaan met voorwaarden (bijvoorbeeld een lokaal adres in %1). U wordt gevraagd hiermee akkoord te gaan voordat u koopt.</translation>
    </message>
    <message>
        <source>Numbers in %1: no extra terms apply.</source>
        <translation>Nummers in %1: er gelden geen extra voorwaarden.</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n maand: %1</numerusform>
            <numerusform>%n maanden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices per number: %1.</source>
        <translation>Prijzen per nummer: %1.</translation>
    </message>
    <message>
        <source>%1 — %2: no numbers left</source>
        <translation>%1 — %2: geen nummers meer</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: only %n number(s) left</source>
        <translation>
            <numerusform>%1 — %2: nog maar %n nummer</numerusform>
            <numerusform>%1 — %2: nog maar %n nummers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n number(s) available</source>
        <translation>
            <numerusform>%1 — %2: %n nummer beschikbaar</numerusform>
            <numerusform>%1 — %2: %n nummers beschikbaar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No area of %1 has %n number(s) left. Choose another country.</source>
        <translation>
            <numerusform>Geen enkel netnummer in %1 heeft nog %n nummer beschikbaar. Kies een ander land.</numerusform>
            <numerusform>Geen enkel netnummer in %1 heeft nog %n nummers beschikbaar. Kies een ander land.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1 per number</source>
        <translation>
            <numerusform>%n maand: %1 per nummer</numerusform>
            <numerusform>%n maanden: %1 per nummer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%2 × %n number(s)), paid now from the company balance</source>
        <translation>
            <numerusform>Totaal: %1 (%2 × %n nummer), nu betaald uit het bedrijfssaldo</numerusform>
            <numerusform>Totaal: %1 (%2 × %n nummers), nu betaald uit het bedrijfssaldo</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after buying: %2.</source>
        <translation>Bedrijfssaldo: %1, na de aankoop: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Bedrijfssaldo: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %2 for %n number(s). Top up the company balance first, or choose a shorter period.</source>
        <translation>
            <numerusform>Het bedrijfssaldo (%1) kan %2 voor %n nummer niet betalen. Waardeer eerst het bedrijfssaldo op of kies een kortere periode.</numerusform>
            <numerusform>Het bedrijfssaldo (%1) kan %2 voor %n nummers niet betalen. Waardeer eerst het bedrijfssaldo op of kies een kortere periode.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Totaal: —</translation>
    </message>
    <message numerus="yes">
        <source>Each number renews every %n month(s) from the company balance until it is cancelled.</source>
        <translation>
            <numerusform>Elk nummer wordt steeds met %n maand verlengd, betaald uit het bedrijfssaldo, tot het wordt geannuleerd.</numerusform>
            <numerusform>Elk nummer wordt steeds met %n maanden verlengd, betaald uit het bedrijfssaldo, tot het wordt geannuleerd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1 are offered only to holders who meet the local terms, for example a local address in %1, and who provide more details on request. The terms may change with local regulation; a holder who no longer meets them may lose the number.</source>
        <translation>Nummers in %1 worden alleen aangeboden aan houders die voldoen aan de lokale voorwaarden, bijvoorbeeld een lokaal adres in %1, en die op verzoek meer gegevens verstrekken. De voorwaarden kunnen veranderen door lokale regelgeving; een houder die er niet meer aan voldoet, kan het nummer verliezen.</translation>
    </message>
    <message>
        <source>The holders accept the terms for numbers in %1</source>
        <translation>De houders gaan akkoord met de voorwaarden voor nummers in %1</translation>
    </message>
    <message>
        <source>Buy numbers</source>
        <translation>Nummers kopen</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>Nu kopen</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Terug</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Who gets a number?</source>
        <translation>Wie krijgt een nummer?</translation>
    </message>
    <message>
        <source>One number for each member or SIP profile in the list.</source>
        <translation>Eén nummer voor elk lid of SIP-profiel in de lijst.</translation>
    </message>
    <message>
        <source>Type an account name or a SIP profile name and choose it from the list, or press Enter to add it.</source>
        <translation>Typ een accountnaam of de naam van een SIP-profiel en kies die in de lijst, of druk op Enter om hem toe te voegen.</translation>
    </message>
    <message>
        <source>&amp;Holder is a:</source>
        <translation>&amp;Houder is een:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Lid</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>SIP-profiel</translation>
    </message>
    <message>
        <source>Holder is a member or a SIP profile</source>
        <translation>Houder is een lid of een SIP-profiel</translation>
    </message>
    <message>
        <source>&amp;SIP profile:</source>
        <translation>&amp;SIP-profiel:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Accountnaam:</translation>
    </message>
    <message>
        <source>Start typing a SIP profile name</source>
        <translation>Begin de naam van een SIP-profiel te typen</translation>
    </message>
    <message>
        <source>Start typing an account name</source>
        <translation>Begin een accountnaam te typen</translation>
    </message>
    <message>
        <source>SIP profile name</source>
        <translation>Naam van het SIP-profiel</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Accountnaam</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Toevoe&amp;gen</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Aan de lijst toevoegen</translation>
    </message>
    <message>
        <source>Who gets a number</source>
        <translation>Wie een nummer krijgt</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ve&amp;rwijderen</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Uit de lijst verwijderen</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Where the numbers are.</source>
        <translation>Het land van de nummers.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Voorwaarden</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Prijzen</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Netnummer</translation>
    </message>
    <message>
        <source>The area code of the numbers, with its place.</source>
        <translation>Het netnummer van de nummers, met de plaats.</translation>
    </message>
    <message>
        <source>Billing period</source>
        <translation>Factureringsperiode</translation>
    </message>
    <message>
        <source>How often each number is paid.</source>
        <translation>Hoe vaak elk nummer wordt betaald.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Bedrijfssaldo</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Verlenging</translation>
    </message>
    <message>
        <source>The holders must accept the terms before the numbers can be bought.</source>
        <translation>De houders moeten akkoord gaan met de voorwaarden voordat de nummers kunnen worden gekocht.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Buy and pay %1</source>
        <translation>Kopen en %1 betalen</translation>
    </message>
    <message numerus="yes">
        <source>Buying %n number(s) in %1, %2, billed every %3: %4 in all, paid now from the company balance (%5).</source>
        <translation>
            <numerusform>U koopt %n nummer in %1, %2, gefactureerd per %3: %4 in totaal, nu betaald uit het bedrijfssaldo (%5).</numerusform>
            <numerusform>U koopt %n nummers in %1, %2, gefactureerd per %3: %4 in totaal, nu betaald uit het bedrijfssaldo (%5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n maand</numerusform>
            <numerusform>%n maanden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::CallsPage</name>
    <message>
        <source>All SIP profiles</source>
        <translation>Alle SIP-profielen</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Alle afdelingen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) · %1 billed min. · %2 bundle min. · %3</source>
        <translation>
            <numerusform>%Ln gesprek · %1 gefact. min. · %2 bundelmin. · %3</numerusform>
            <numerusform>%Ln gesprekken · %1 gefact. min. · %2 bundelmin. · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The calls cannot be shown: %1</source>
        <translation>De gesprekken kunnen niet worden getoond: %1</translation>
    </message>
    <message>
        <source>Import call records</source>
        <translation>Gespreksrecords importeren</translation>
    </message>
    <message>
        <source>Call records (*.csv *.log);;All files (*)</source>
        <translation>Gespreksrecords (*.csv *.log);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 importeren…</translation>
    </message>
    <message>
        <source>The import of %1 was cancelled; nothing was changed.</source>
        <translation>Het importeren van %1 is geannuleerd; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>Er is niets geïmporteerd uit %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln call(s) from %1 (%2 already there); charged %3.</source>
        <translation>
            <numerusform>%Ln gesprek geïmporteerd uit %1 (%2 al aanwezig); %3 in rekening gebracht.</numerusform>
            <numerusform>%Ln gesprekken geïmporteerd uit %1 (%2 al aanwezig); %3 in rekening gebracht.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>regel %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) could not be read and were skipped:</source>
        <translation>
            <numerusform>%Ln regel kon niet worden gelezen en is overgeslagen:</numerusform>
            <numerusform>%Ln regels konden niet worden gelezen en zijn overgeslagen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more)</source>
        <translation>
            <numerusform>(en nog %Ln)</numerusform>
            <numerusform>(en nog %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; (%Ln record(s), first on line %2)</source>
        <translation>
            <numerusform>&quot;%1&quot; (%Ln record, op regel %2)</numerusform>
            <numerusform>&quot;%1&quot; (%Ln records, eerste op regel %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) name no member account and no SIP profile and were not imported:</source>
        <translation>
            <numerusform>%Ln record noemt geen ledenaccount en geen SIP-profiel en is niet geïmporteerd:</numerusform>
            <numerusform>%Ln records noemen geen ledenaccount en geen SIP-profiel en zijn niet geïmporteerd:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more code(s))</source>
        <translation>
            <numerusform>(en nog %Ln code)</numerusform>
            <numerusform>(en nog %Ln codes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) were kept without a charge: no rate for their destination, the first on line %1 (%2).</source>
        <translation>
            <numerusform>%Ln gesprek is zonder kosten bewaard: geen tarief voor de bestemming, op regel %1 (%2).</numerusform>
            <numerusform>%Ln gesprekken zijn zonder kosten bewaard: geen tarief voor hun bestemming, het eerste op regel %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payer(s) now owe %1 together: their balances went below zero.</source>
        <translation>
            <numerusform>%Ln betaler is nu %1 verschuldigd: het saldo is onder nul gezakt.</numerusform>
            <numerusform>%Ln betalers zijn nu samen %1 verschuldigd: hun saldo is onder nul gezakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from %1 with problems.</source>
        <translation>Geïmporteerd uit %1, met problemen.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Gesprekken exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporteren naar %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln call(s) to %1.</source>
        <translation>
            <numerusform>%Ln gesprek geëxporteerd naar %1.</numerusform>
            <numerusform>%Ln gesprekken geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Gesprekken en rapporten</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>Search by number (Ctrl+F)</source>
        <translation>Zoek op nummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search calls by number</source>
        <translation>Gesprekken zoeken op nummer</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profiel:</translation>
    </message>
    <message>
        <source>M&amp;ember:</source>
        <translation>L&amp;id:</translation>
    </message>
    <message>
        <source>Any account</source>
        <translation>Elk account</translation>
    </message>
    <message>
        <source>Member account</source>
        <translation>Ledenaccount</translation>
    </message>
    <message>
        <source>Paid by the SIP profile</source>
        <translation>Betaald door het SIP-profiel</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Afdeling:</translation>
    </message>
    <message>
        <source>Paid by the department</source>
        <translation>Betaald door de afdeling</translation>
    </message>
    <message>
        <source>From the day</source>
        <translation>Vanaf de dag</translation>
    </message>
    <message>
        <source>To the day (included)</source>
        <translation>Tot en met de dag</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>&amp;Van:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Tot:</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Onbeperkt</translation>
    </message>
    <message>
        <source>&amp;Import call records…</source>
        <translation>Gesp&amp;reksrecords importeren…</translation>
    </message>
    <message>
        <source>Import a PBX&apos;s call records (Asterisk Master.csv or FreeSWITCH CSV), rate and charge them</source>
        <translation>Gespreksrecords van een PBX importeren (Asterisk Master.csv of FreeSWITCH CSV), tariferen en in rekening brengen</translation>
    </message>
    <message>
        <source>E&amp;xport calls…</source>
        <translation>Gesprekken e&amp;xporteren…</translation>
    </message>
    <message>
        <source>Export the calls the filters show to a CSV file</source>
        <translation>De gesprekken die de filters tonen naar een CSV-bestand exporteren</translation>
    </message>
    <message>
        <source>Monthly &amp;statement…</source>
        <translation>&amp;Maandoverzicht…</translation>
    </message>
    <message>
        <source>A month&apos;s balances, spending, top-ups and allocations as PDF or CSV, or printed</source>
        <translation>De saldi, uitgaven, opwaarderingen en toewijzingen van een maand als PDF of CSV, of afgedrukt</translation>
    </message>
    <message>
        <source>More than %1 calls match · type more of the number for their totals</source>
        <translation>Meer dan %1 gesprekken komen overeen · typ meer van het nummer voor de totalen</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Nog geen gesprekken</translation>
    </message>
    <message>
        <source>Import the call records of the PBX (Asterisk Master.csv or FreeSWITCH CSV): each call is rated and charged to its member or SIP profile.</source>
        <translation>Importeer de gespreksrecords van de PBX (Asterisk Master.csv of FreeSWITCH-CSV): elk gesprek wordt getarifeerd en in rekening gebracht bij het lid of SIP-profiel waar het bij hoort.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ChangeChannelsDialog</name>
    <message numerus="yes">
        <source>%1 has %n channel(s), not paid since %2: outgoing calls are stopped.</source>
        <translation>
            <numerusform>%1 heeft %n kanaal, niet betaald sinds %2: uitgaande gesprekken zijn gestopt.</numerusform>
            <numerusform>%1 heeft %n kanalen, niet betaald sinds %2: uitgaande gesprekken zijn gestopt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n channel(s) (%2 a month), paid until %3.</source>
        <translation>
            <numerusform>%1 heeft %n kanaal (%2 per maand), betaald tot %3.</numerusform>
            <numerusform>%1 heeft %n kanalen (%2 per maand), betaald tot %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month</source>
        <translation>
            <numerusform>%n kanaal: %1 per maand</numerusform>
            <numerusform>%n kanalen: %1 per maand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %2 for %n channel(s).</source>
        <translation>
            <numerusform>Het bedrijfssaldo (%1) kan %2 voor %n kanaal niet betalen.</numerusform>
            <numerusform>Het bedrijfssaldo (%1) kan %2 voor %n kanalen niet betalen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after the change: %2.</source>
        <translation>Bedrijfssaldo: %1, na de wijziging: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Bedrijfssaldo: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Change to %n channel(s)</source>
        <translation>
            <numerusform>Wijzigen naar %n kanaal</numerusform>
            <numerusform>Wijzigen naar %n kanalen</numerusform>
        </translation>
    </message>
    <message>
        <source>Change channels</source>
        <translation>Kanalen wijzigen</translation>
    </message>
    <message>
        <source>&amp;Channels (simultaneous calls, %1–%2):</source>
        <translation>&amp;Kanalen (gelijktijdige gesprekken, %1–%2):</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
    <message>
        <source>Current channels</source>
        <translation>Huidige kanalen</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Wat er gebeurt</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Bedrijfssaldo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Advice: no call records yet to size the channels by.</source>
        <translation>Advies: nog geen gespreksrecords om het aantal kanalen op te baseren.</translation>
    </message>
    <message numerus="yes">
        <source>Advice: %n channel(s) for the busiest hour (%1 erlangs at 1% blocking)</source>
        <translation>
            <numerusform>Advies: %n kanaal voor het drukste uur (%1 erlang bij 1% blokkering)</numerusform>
            <numerusform>Advies: %n kanalen voor het drukste uur (%1 erlang bij 1% blokkering)</numerusform>
        </translation>
    </message>
    <message>
        <source>The busiest hour of its calls so far began %1.</source>
        <translation>Het drukste uur van de gesprekken tot nu toe begon op %1.</translation>
    </message>
    <message>
        <source>The current channel subscription ends now: its unused days, %1, go back to the company balance. The new one starts today: %2 is paid now, %3 in all, and it renews on %4.</source>
        <translation>Het huidige kanaalabonnement eindigt nu: de ongebruikte dagen, %1, gaan terug naar het bedrijfssaldo. Het nieuwe abonnement begint vandaag: %2 wordt nu betaald, %3 in totaal, en het wordt op %4 verlengd.</translation>
    </message>
    <message>
        <source>The current channel subscription ends now (no days of it are left unused). The new one starts today: %1 is paid now from the company balance, and it renews on %2.</source>
        <translation>Het huidige kanaalabonnement eindigt nu (er blijven geen ongebruikte dagen over). Het nieuwe abonnement begint vandaag: %1 wordt nu betaald uit het bedrijfssaldo, en het wordt op %2 verlengd.</translation>
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
        <translation>Voer het openbare IPv4-adres van de internetverbinding van de PBX in.</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month, the first month paid now from the company balance</source>
        <translation>
            <numerusform>%n kanaal: %1 per maand, de eerste maand nu betaald uit het bedrijfssaldo</numerusform>
            <numerusform>%n kanalen: %1 per maand, de eerste maand nu betaald uit het bedrijfssaldo</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after creating: %2.</source>
        <translation>Bedrijfssaldo: %1, na het maken: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Bedrijfssaldo: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). Top up the company balance first, or choose fewer channels.</source>
        <translation>
            <numerusform>Het bedrijfssaldo (%1) kan %n kanaal voor de eerste maand niet betalen (%2). Waardeer eerst het bedrijfssaldo op of kies minder kanalen.</numerusform>
            <numerusform>Het bedrijfssaldo (%1) kan %n kanalen voor de eerste maand niet betalen (%2). Waardeer eerst het bedrijfssaldo op of kies minder kanalen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The SIP profile %1 is ready: %n channel(s), paid until %2 (%3). Set up the PBX with these details.</source>
        <translation>
            <numerusform>Het SIP-profiel %1 is klaar: %n kanaal, betaald tot %2 (%3). Stel de PBX in met deze gegevens.</numerusform>
            <numerusform>Het SIP-profiel %1 is klaar: %n kanalen, betaald tot %2 (%3). Stel de PBX in met deze gegevens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Provider SIP servers: %1</source>
        <translation>SIP-servers van de provider: %1</translation>
    </message>
    <message>
        <source>SIP username: %1</source>
        <translation>SIP-gebruikersnaam: %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Wachtwoord: %1</translation>
    </message>
    <message>
        <source>%1, UDP port %2</source>
        <translation>%1, UDP-poort %2</translation>
    </message>
    <message>
        <source>Keep the password safe. You can show it again at any time on the SIP profiles page.</source>
        <translation>Bewaar het wachtwoord goed. U kunt het op elk moment opnieuw tonen op de pagina SIP-profielen.</translation>
    </message>
    <message>
        <source>The provider accepts calls from this address without registration.</source>
        <translation>De provider accepteert gesprekken vanaf dit adres zonder registratie.</translation>
    </message>
    <message>
        <source>Create SIP profile</source>
        <translation>SIP-profiel maken</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Terug</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>Profiel &amp;maken</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gereed</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>A SIP profile is one SIP trunk for a PBX, with its own credit and channels.</source>
        <translation>Een SIP-profiel is één SIP-trunk voor een PBX, met een eigen tegoed en eigen kanalen.</translation>
    </message>
    <message>
        <source>Choose a name that says whose PBX it is, for example the department or the office. The name can be changed later.</source>
        <translation>Kies een naam waaruit blijkt van wie de PBX is, bijvoorbeeld de afdeling of het kantoor. De naam kan later worden gewijzigd.</translation>
    </message>
    <message>
        <source>&amp;Profile name:</source>
        <translation>&amp;Profielnaam:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profielnaam</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>bijv. %1</translation>
    </message>
    <message>
        <source>Sales Oslo</source>
        <translation>Verkoop Oslo</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>A&amp;fdeling:</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optioneel</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>optional: who looks after the PBX</source>
        <translation>optioneel: wie de PBX beheert</translation>
    </message>
    <message>
        <source>Authentication and channels</source>
        <translation>Authenticatie en kanalen</translation>
    </message>
    <message>
        <source>How the PBX proves who it is, and how many calls it may make at once.</source>
        <translation>Hoe de PBX bewijst wie hij is, en hoeveel gesprekken hij tegelijk mag voeren.</translation>
    </message>
    <message>
        <source>&amp;Registration (recommended)</source>
        <translation>&amp;Registratie (aanbevolen)</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registratie</translation>
    </message>
    <message>
        <source>The profile gets a SIP username and a strong generated password; the PBX registers with them. You can show the credentials again at any time.</source>
        <translation>Het profiel krijgt een SIP-gebruikersnaam en een sterk gegenereerd wachtwoord; de PBX registreert zich daarmee. U kunt de aanmeldgegevens op elk moment opnieuw tonen.</translation>
    </message>
    <message>
        <source>&amp;IP authentication, for a PBX that cannot register</source>
        <translation>&amp;IP-authenticatie, voor een PBX die zich niet kan registreren</translation>
    </message>
    <message>
        <source>IP authentication</source>
        <translation>IP-authenticatie</translation>
    </message>
    <message>
        <source>Public IPv4 &amp;address:</source>
        <translation>Openbaar IPv4-&amp;adres:</translation>
    </message>
    <message>
        <source>Public IPv4 address of the PBX</source>
        <translation>Openbaar IPv4-adres van de PBX</translation>
    </message>
    <message>
        <source>UDP &amp;port:</source>
        <translation>UDP-&amp;poort:</translation>
    </message>
    <message>
        <source>UDP port</source>
        <translation>UDP-poort</translation>
    </message>
    <message>
        <source>Address check</source>
        <translation>Adrescontrole</translation>
    </message>
    <message>
        <source>C&amp;hannels (simultaneous calls, %1–%2):</source>
        <translation>&amp;Kanalen (gelijktijdige gesprekken, %1–%2):</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Bedrijfssaldo</translation>
    </message>
    <message>
        <source>What the PBX needs</source>
        <translation>Wat de PBX nodig heeft</translation>
    </message>
    <message>
        <source>The profile is created.</source>
        <translation>Het profiel is gemaakt.</translation>
    </message>
    <message>
        <source>Provider SIP servers:</source>
        <translation>SIP-servers van de provider:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Gebruikersnaam:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Wachtwoord:</translation>
    </message>
    <message>
        <source>Allowed IP:</source>
        <translation>Toegestaan IP-adres:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Numbers the PBX&apos;s calls dial are read as dialled in this country (its national forms and international prefix).</source>
        <translation>Nummers die de gesprekken van de PBX kiezen, worden geïnterpreteerd alsof ze in dit land zijn gekozen (met de nationale notaties en het internationale voorvoegsel van dit land).</translation>
    </message>
    <message>
        <source>The credentials went to %1.</source>
        <translation>De aanmeldgegevens zijn naar %1 gestuurd.</translation>
    </message>
    <message>
        <source>The credentials were not e-mailed: %1 The profile is ready; send them again from its details.</source>
        <translation>De aanmeldgegevens zijn niet gemaild: %1 Het profiel is klaar; verstuur ze opnieuw vanuit de details van het profiel.</translation>
    </message>
    <message>
        <source>No mail server is set in Settings, so the credentials were not e-mailed to %1.</source>
        <translation>Er is geen mailserver ingesteld bij Instellingen, dus de aanmeldgegevens zijn niet naar %1 gemaild.</translation>
    </message>
    <message>
        <source>Sending the credentials to %1…</source>
        <translation>Aanmeldgegevens naar %1 verzenden…</translation>
    </message>
    <message>
        <source>&amp;Create and pay %1</source>
        <translation>Aan&amp;maken en %1 betalen</translation>
    </message>
</context>
<context>
    <name>sb::ui::DashboardCharts</name>
    <message>
        <source>Charts</source>
        <translation>Grafieken</translation>
    </message>
    <message>
        <source>Spending per month (%1)</source>
        <translation>Uitgaven per maand (%1)</translation>
    </message>
    <message>
        <source>US bundle minutes this period</source>
        <translation>Minuten Amerikaanse bundels in deze periode</translation>
    </message>
    <message>
        <source>Most calls at once per day</source>
        <translation>Meeste gelijktijdige gesprekken per dag</translation>
    </message>
    <message>
        <source>Company balance (%1)</source>
        <translation>Bedrijfssaldo (%1)</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Per afdeling</translation>
    </message>
    <message>
        <source>Spending by department</source>
        <translation>Uitgaven per afdeling</translation>
    </message>
    <message>
        <source>Stack the spending by department instead of by kind</source>
        <translation>De uitgaven per afdeling stapelen in plaats van per soort</translation>
    </message>
    <message>
        <source>SIP profile of the calls chart</source>
        <translation>SIP-profiel van de gespreksgrafiek</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lezen…</translation>
    </message>
    <message>
        <source>The charts could not be read: %1</source>
        <translation>De grafieken konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Nothing spent in the last twelve months. Buy numbers or channels, or import calls, and the spending shows here.</source>
        <translation>Niets uitgegeven in de afgelopen twaalf maanden. Koop nummers of kanalen, of importeer gesprekken, dan verschijnen de uitgaven hier.</translation>
    </message>
    <message>
        <source>The charts could not be read.</source>
        <translation>De grafieken konden niet worden gelezen.</translation>
    </message>
    <message>
        <source>No SIP profile has US minute bundles. Bundles are bought in a profile&apos;s Bundles dialog.</source>
        <translation>Geen enkel SIP-profiel heeft Amerikaanse minutenbundels. Bundels koopt u in het venster Bundels van een profiel.</translation>
    </message>
    <message>
        <source>No SIP profiles yet: create one on the SIP profiles page, then import its calls.</source>
        <translation>Nog geen SIP-profielen: maak er een aan op de pagina SIP-profielen en importeer daarna de gesprekken.</translation>
    </message>
    <message>
        <source>%1 made no calls in the last %2 days.</source>
        <translation>%1 heeft de afgelopen %2 dagen geen gesprekken gevoerd.</translation>
    </message>
    <message>
        <source>The company balance has not moved yet: top it up to start.</source>
        <translation>Het bedrijfssaldo is nog niet veranderd: waardeer het op om te beginnen.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: nothing spent.</source>
        <translation>%1: niets uitgegeven.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 Twelve months: %2.</source>
        <translation>%1 Twaalf maanden: %2.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 minutes used</source>
        <translation>%1: %2 van %3 minuten gebruikt</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1 (channels: %2): at most %3 calls at once, on %4; all channels busy on %5 of %6 days.</source>
        <translation>%1 (kanalen: %2): hoogstens %3 gelijktijdige gesprekken, op %4; alle kanalen bezet op %5 van de %6 dagen.</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 at the start, %4 now; lowest %5, highest %6.</source>
        <translation>Van %1 tot %2: %3 aan het begin, %4 nu; laagste %5, hoogste %6.</translation>
    </message>
</context>
<context>
    <name>sb::ui::DashboardPage</name>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Er is nog niets gebeurd.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Bedrijfssaldo</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Credit held by members</source>
        <translation>Tegoed van de leden</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Recente activiteit</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 (owed: %2)</source>
        <translation>%1 (schuld: %2)</translation>
    </message>
    <message>
        <source>Put money on the company balance: everything is paid from it.</source>
        <translation>Zet geld op het bedrijfssaldo: alles wordt daaruit betaald.</translation>
    </message>
    <message>
        <source>Add the people who call, one by one or imported from a file.</source>
        <translation>Voeg de mensen toe die bellen, een voor een of geïmporteerd uit een bestand.</translation>
    </message>
    <message>
        <source>Create a SIP profile for each PBX or office line, with its channels.</source>
        <translation>Maak een SIP-profiel voor elke PBX of kantoorlijn, met de kanalen ervan.</translation>
    </message>
    <message>
        <source>Buy phone numbers for members and SIP profiles.</source>
        <translation>Koop telefoonnummers voor leden en SIP-profielen.</translation>
    </message>
    <message>
        <source>Import the PBX&apos;s call records to charge the calls.</source>
        <translation>Importeer de gespreksrecords van de PBX om de gesprekken in rekening te brengen.</translation>
    </message>
    <message>
        <source>&amp;What needs you today</source>
        <translation>&amp;Wat vandaag aandacht vraagt</translation>
    </message>
    <message>
        <source>What needs you today</source>
        <translation>Wat vandaag aandacht vraagt</translation>
    </message>
    <message>
        <source>Press Enter on an entry to open the page it speaks of.</source>
        <translation>Druk op Enter bij een item om de pagina te openen waar het over gaat.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the page it speaks of.</source>
        <translation>Dubbelklik of druk op Enter om de pagina te openen waar het over gaat.</translation>
    </message>
    <message>
        <source>Nothing needs you today.</source>
        <translation>Niets vraagt vandaag aandacht.</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Eerste stappen</translation>
    </message>
    <message>
        <source>The account is empty. Top up the company balance, add the members and the SIP profiles they call through, buy numbers, then import the PBX&apos;s call records.</source>
        <translation>Het account is leeg. Waardeer het bedrijfssaldo op, voeg de leden toe en de SIP-profielen waarlangs ze bellen, koop nummers en importeer daarna de gespreksrecords van de PBX.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafieken</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lezen…</translation>
    </message>
    <message>
        <source>Owed by members: %1</source>
        <translation>Schuld van leden: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::DeleteSipProfileDialog</name>
    <message numerus="yes">
        <source>Exported %Ln call(s) to %1.</source>
        <translation>
            <numerusform>%Ln gesprek geëxporteerd naar %1.</numerusform>
            <numerusform>%Ln gesprekken geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete SIP profile</source>
        <translation>SIP-profiel verwijderen</translation>
    </message>
    <message>
        <source>Delete the SIP profile %1? This happens:</source>
        <translation>Het SIP-profiel %1 verwijderen? Dit gebeurt er:</translation>
    </message>
    <message>
        <source>• Its credit of %1 returns to the company balance (%2 → %3).</source>
        <translation>• Het tegoed van %1 gaat terug naar het bedrijfssaldo (%2 → %3).</translation>
    </message>
    <message>
        <source>• It has no credit left to return to the company balance.</source>
        <translation>• Er is geen tegoed over om terug te geven aan het bedrijfssaldo.</translation>
    </message>
    <message>
        <source>• It holds no numbers.</source>
        <translation>• Het profiel heeft geen nummers.</translation>
    </message>
    <message numerus="yes">
        <source>• %n number(s) return to the company&apos;s pool and can be reassigned (they stay paid and renew until cancelled): %1.</source>
        <translation>
            <numerusform>• %n nummer gaat terug naar de nummerpool van het bedrijf en kan opnieuw worden toegewezen (het blijft betaald en wordt verlengd tot het wordt geannuleerd): %1.</numerusform>
            <numerusform>• %n nummers gaan terug naar de nummerpool van het bedrijf en kunnen opnieuw worden toegewezen (ze blijven betaald en worden verlengd tot ze worden geannuleerd): %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>• No account is linked to it.</source>
        <translation>• Er is geen account aan gekoppeld.</translation>
    </message>
    <message numerus="yes">
        <source>• %n account(s) are unlinked and can sign in again: %1.</source>
        <translation>
            <numerusform>• %n account wordt ontkoppeld; daarmee kan weer worden aangemeld: %1.</numerusform>
            <numerusform>• %n accounts worden ontkoppeld; daarmee kan weer worden aangemeld: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• Its call history is deleted: %Ln call(s).</source>
        <translation>
            <numerusform>• De gespreksgeschiedenis wordt verwijderd: %Ln gesprek.</numerusform>
            <numerusform>• De gespreksgeschiedenis wordt verwijderd: %Ln gesprekken.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• Its %n channel(s), paid until %1, end now; there is no refund for them.</source>
        <translation>
            <numerusform>• Het profiel heeft %n kanaal, betaald tot %1; dit eindigt nu zonder terugbetaling.</numerusform>
            <numerusform>• Het profiel heeft %n kanalen, betaald tot %1; deze eindigen nu zonder terugbetaling.</numerusform>
        </translation>
    </message>
    <message>
        <source>Consequences</source>
        <translation>Gevolgen</translation>
    </message>
    <message>
        <source>&amp;Export call history first…</source>
        <translation>Eerst gespreksgeschiedenis &amp;exporteren…</translation>
    </message>
    <message>
        <source>Export call history first</source>
        <translation>Eerst gespreksgeschiedenis exporteren</translation>
    </message>
    <message numerus="yes">
        <source>Save the profile&apos;s %Ln call(s) to a CSV file before they are deleted</source>
        <translation>
            <numerusform>%Ln gesprek van het profiel opslaan in een CSV-bestand voordat het wordt verwijderd</numerusform>
            <numerusform>%Ln gesprekken van het profiel opslaan in een CSV-bestand voordat ze worden verwijderd</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;Delete SIP profile</source>
        <translation>SIP-profiel &amp;verwijderen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>sb::ui::EmptyState</name>
    <message>
        <source>Nothing matches the filters</source>
        <translation>Niets komt overeen met de filters</translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation>Niets komt overeen met &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Check the spelling, or clear the search and the filters to see everything.</source>
        <translation>Controleer de spelling, of wis de zoekopdracht en de filters om alles te zien.</translation>
    </message>
</context>
<context>
    <name>sb::ui::HintLabel</name>
    <message>
        <source>Problem: %1</source>
        <translation>Probleem: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Waarschuwing: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::HolderCompleter</name>
    <message>
        <source>%1 — %2 (member)</source>
        <translation>%1 — %2 (lid)</translation>
    </message>
    <message>
        <source>%1 — %2 (member, linked to %3)</source>
        <translation>%1 — %2 (lid, gekoppeld aan %3)</translation>
    </message>
    <message>
        <source>%1 (SIP profile)</source>
        <translation>%1 (SIP-profiel)</translation>
    </message>
</context>
<context>
    <name>sb::ui::ImportCallsDialog</name>
    <message>
        <source>Import call records</source>
        <translation>Gespreksrecords importeren</translation>
    </message>
    <message>
        <source>Import the calls of %1, rate them and charge their payers.</source>
        <translation>De gesprekken uit %1 worden geïmporteerd, getarifeerd en bij de betalers in rekening gebracht.</translation>
    </message>
    <message>
        <source>Found from the file</source>
        <translation>Automatisch herkennen</translation>
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
        <translation>Indeling</translation>
    </message>
    <message>
        <source>Time zone of the file&apos;s times</source>
        <translation>Tijdzone van de tijden in het bestand</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Indeling:</translation>
    </message>
    <message>
        <source>&amp;Times are in:</source>
        <translation>&amp;Tijden staan in:</translation>
    </message>
    <message>
        <source>PBXs usually log UTC; choose the PBX&apos;s time zone if it logs local time.</source>
        <translation>PBX&apos;en loggen meestal in UTC; kies de tijdzone van de PBX als die in lokale tijd logt.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
</context>
<context>
    <name>sb::ui::ImportMembersDialog</name>
    <message>
        <source>%1 cannot be imported.</source>
        <translation>%1 kan niet worden geïmporteerd.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s) found. Nothing will be imported until every line is right; fix the file and import it again.</source>
        <translation>
            <numerusform>%1: %n probleem gevonden. Er wordt niets geïmporteerd tot elke regel klopt; verbeter het bestand en importeer het opnieuw.</numerusform>
            <numerusform>%1: %n problemen gevonden. Er wordt niets geïmporteerd tot elke regel klopt; verbeter het bestand en importeer het opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lists no members to import.</source>
        <translation>%1 bevat geen leden om te importeren.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is ready: %n member(s) can be imported.</source>
        <translation>
            <numerusform>%1 is klaar: %n lid kan worden geïmporteerd.</numerusform>
            <numerusform>%1 is klaar: %n leden kunnen worden geïmporteerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>%n lid importeren</numerusform>
            <numerusform>%n leden importeren</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Leden importeren</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Problems by line</source>
        <translation>Problemen per regel</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>sb::ui::LinkAccountDialog</name>
    <message>
        <source>Link an account</source>
        <translation>Een account koppelen</translation>
    </message>
    <message>
        <source>Calls to the account, and to the numbers assigned to it, go to the PBX of the SIP profile %1 — to the extension, if you give one.</source>
        <translation>Gesprekken naar het account en naar de nummers die eraan zijn toegewezen, gaan naar de PBX van het SIP-profiel %1 — naar het toestelnummer, als u er een opgeeft.</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Accountnaam:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Accountnaam</translation>
    </message>
    <message>
        <source>Start typing an account name</source>
        <translation>Begin een accountnaam te typen</translation>
    </message>
    <message>
        <source>&amp;Extension:</source>
        <translation>&amp;Toestelnummer:</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Toestelnummer</translation>
    </message>
    <message>
        <source>optional, digits only</source>
        <translation>optioneel, alleen cijfers</translation>
    </message>
    <message>
        <source>While the account is linked it cannot be used to sign in. An account can be linked to one SIP profile only; unlinking restores sign-in.</source>
        <translation>Zolang het account is gekoppeld, kan er niet mee worden aangemeld. Een account kan maar aan één SIP-profiel worden gekoppeld; ontkoppelen herstelt het aanmelden.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Koppelen</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koppelen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>sb::ui::MailServerBox</name>
    <message>
        <source>The server accepted the test message for %1. If it does not arrive, look in the spam folder.</source>
        <translation>De server heeft het testbericht voor %1 geaccepteerd. Als het niet aankomt, kijk dan in de map met spam.</translation>
    </message>
    <message>
        <source>Test message sent to %1.</source>
        <translation>Testbericht verzonden naar %1.</translation>
    </message>
    <message>
        <source>Type the mail server&apos;s name, such as %1.</source>
        <translation>Typ de naam van de mailserver, bijvoorbeeld %1.</translation>
    </message>
    <message>
        <source>Type the password of %1.</source>
        <translation>Typ het wachtwoord van %1.</translation>
    </message>
    <message>
        <source>Sends a short message through the server as typed here, before it is saved.</source>
        <translation>Verzendt een kort bericht via de server zoals die hier is ingevuld, voordat deze wordt opgeslagen.</translation>
    </message>
    <message>
        <source>Sends a short message through this server.</source>
        <translation>Verzendt een kort bericht via deze server.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>geen aanmelding</translation>
    </message>
    <message>
        <source>Saved. Credentials and test messages go through %1.</source>
        <translation>Opgeslagen. Aanmeldgegevens en testberichten gaan via %1.</translation>
    </message>
    <message>
        <source>The mail server is now %1, port %2.</source>
        <translation>De mailserver is nu %1, poort %2.</translation>
    </message>
    <message>
        <source>No mail server is set: credentials are no longer sent by e-mail.</source>
        <translation>Er is geen mailserver ingesteld: aanmeldgegevens worden niet meer per e-mail verzonden.</translation>
    </message>
    <message>
        <source>The mail server was removed.</source>
        <translation>De mailserver is verwijderd.</translation>
    </message>
    <message>
        <source>Sending a test message to %1 through %2…</source>
        <translation>Testbericht naar %1 verzenden via %2…</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>New SIP profiles&apos; credentials are sent by e-mail through this server. It is kept in the database, for every admin and switchboardctl.</source>
        <translation>De aanmeldgegevens van nieuwe SIP-profielen worden via deze server per e-mail verzonden. De server wordt in de database bewaard, voor elke beheerder en voor switchboardctl.</translation>
    </message>
    <message>
        <source>Mail s&amp;erver:</source>
        <translation>&amp;Mailserver:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>bijv. %1</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>Poo&amp;rt:</translation>
    </message>
    <message>
        <source>Mail server port</source>
        <translation>Poort van de mailserver</translation>
    </message>
    <message>
        <source>Secu&amp;rity:</source>
        <translation>Be&amp;veiliging:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Beveiliging</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (meestal poort 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (meestal poort 465)</translation>
    </message>
    <message>
        <source>None (only a server on this computer)</source>
        <translation>Geen (alleen een server op deze computer)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Gebruiker:</translation>
    </message>
    <message>
        <source>Mail user</source>
        <translation>Gebruiker van de mailserver</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>leeg: geen aanmelding</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>Wachtwoord van de mailserver</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>A&amp;fzender:</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Afzenderadres</translation>
    </message>
    <message>
        <source>Save mail server</source>
        <translation>Mailserver opslaan</translation>
    </message>
    <message>
        <source>Save the mail server</source>
        <translation>De mailserver opslaan</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove the mail server</source>
        <translation>De mailserver verwijderen</translation>
    </message>
    <message>
        <source>&amp;Test to:</source>
        <translation>Testberi&amp;cht naar:</translation>
    </message>
    <message>
        <source>Test message address</source>
        <translation>Adres voor het testbericht</translation>
    </message>
    <message>
        <source>your e-mail address</source>
        <translation>uw e-mailadres</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Een testbericht verzenden</translation>
    </message>
</context>
<context>
    <name>sb::ui::MainWindow</name>
    <message>
        <source>About Switchboard</source>
        <translation>Over Switchboard</translation>
    </message>
    <message>
        <source>Company balance: %1</source>
        <translation>Bedrijfssaldo: %1</translation>
    </message>
    <message>
        <source>Company balance: unknown (%1)</source>
        <translation>Bedrijfssaldo: onbekend (%1)</translation>
    </message>
    <message>
        <source>Billing could not run: %1</source>
        <translation>De facturering kon niet worden uitgevoerd: %1</translation>
    </message>
    <message>
        <source>Billing: %1</source>
        <translation>Facturering: %1</translation>
    </message>
    <message numerus="yes">
        <source>Billing: %n monthly recharge limit(s) started afresh.</source>
        <translation>
            <numerusform>Facturering: %n maandelijkse opwaardeerlimiet opnieuw begonnen.</numerusform>
            <numerusform>Facturering: %n maandelijkse opwaardeerlimieten opnieuw begonnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Billing: nothing was due.</source>
        <translation>Facturering: er was niets verschuldigd.</translation>
    </message>
    <message>
        <source>Topped up %1. Company balance: %2.</source>
        <translation>%1 opgewaardeerd. Bedrijfssaldo: %2.</translation>
    </message>
    <message>
        <source>Now using %1.</source>
        <translation>Gebruikt nu %1.</translation>
    </message>
    <message>
        <source>Creating the demo account…</source>
        <translation>Demo-account aanmaken…</translation>
    </message>
    <message>
        <source>There is no such page.</source>
        <translation>Die pagina bestaat niet.</translation>
    </message>
    <message>
        <source>The window could not be rendered.</source>
        <translation>Het venster kon niet worden weergegeven.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Kan %1 niet schrijven.</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummers</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>SIP-profielen</translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Gesprekken en rapporten</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Show %1 (%2)</source>
        <translation>%1 tonen (%2)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagina’s</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>Be&amp;drijf</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Leden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>B&amp;eeld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>&amp;Top up…</source>
        <translation>&amp;Opwaarderen…</translation>
    </message>
    <message>
        <source>Add bought credit to the company balance (%1)</source>
        <translation>Gekocht tegoed aan het bedrijfssaldo toevoegen (%1)</translation>
    </message>
    <message>
        <source>Run &amp;billing now</source>
        <translation>&amp;Facturering nu uitvoeren</translation>
    </message>
    <message>
        <source>Process everything due up to now: monthly limits, renewals</source>
        <translation>Alles verwerken wat tot nu toe verschuldigd is: maandlimieten, verlengingen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Over Switchboard</translation>
    </message>
    <message>
        <source>The database in use</source>
        <translation>De gebruikte database</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message numerus="yes">
        <source>The demo account is ready: %Ln member(s).</source>
        <translation>
            <numerusform>Het demo-account is klaar: %Ln lid.</numerusform>
            <numerusform>Het demo-account is klaar: %Ln leden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Switchboard %1

Runs a company&apos;s business calling account: the company balance, members and their credit, numbers and SIP profiles.</source>
        <translation>Switchboard %1

Beheert het zakelijke belaccount van een bedrijf: het bedrijfssaldo, de leden en hun tegoed, nummers en SIP-profielen.</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Nummers</translation>
    </message>
    <message>
        <source>&amp;SIP profiles</source>
        <translation>&amp;SIP-profielen</translation>
    </message>
    <message>
        <source>Now using %1, but it will not be used at the next start: %2</source>
        <translation>Gebruikt nu %1, maar die wordt bij de volgende start niet gebruikt: %2</translation>
    </message>
    <message>
        <source>Billing: the US minute bundles of %1 were renewed from their balances.</source>
        <translation>Facturering: de Amerikaanse minutenbundels van %1 zijn verlengd, betaald uit de eigen saldi.</translation>
    </message>
    <message>
        <source>Updated by another admin.</source>
        <translation>Bijgewerkt door een andere beheerder.</translation>
    </message>
    <message>
        <source>Changes by other admins do not show for now (tried again every 30 seconds): %1</source>
        <translation>Wijzigingen van andere beheerders worden voorlopig niet getoond (elke 30 seconden opnieuw geprobeerd): %1</translation>
    </message>
    <message>
        <source>Running billing…</source>
        <translation>Facturering wordt uitgevoerd…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>%1. What the company can still give to members. Top up to add bought credit.</source>
        <translation>%1. Wat het bedrijf nog aan leden kan toewijzen. Waardeer op om gekocht tegoed toe te voegen.</translation>
    </message>
    <message>
        <source>&amp;Call records</source>
        <translation>&amp;Gespreksrecords</translation>
    </message>
    <message numerus="yes">
        <source>%1 … and %Ln more on the Activity page.</source>
        <translation>
            <numerusform>%1 … en nog %Ln op de pagina Activiteit.</numerusform>
            <numerusform>%1 … en nog %Ln op de pagina Activiteit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Billing: the US minute bundles of %Ln SIP profile(s) were renewed from their balances.</source>
        <translation>
            <numerusform>Facturering: de Amerikaanse minutenbundels van %Ln SIP-profiel zijn verlengd, betaald uit het eigen saldo.</numerusform>
            <numerusform>Facturering: de Amerikaanse minutenbundels van %Ln SIP-profielen zijn verlengd, betaald uit de eigen saldi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::MembersPage</name>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>Lid %1 (%2) toegevoegd.</translation>
    </message>
    <message>
        <source>Select the members to give credit to first.</source>
        <translation>Selecteer eerst de leden die tegoed krijgen.</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all. Company balance: %3.</source>
        <translation>
            <numerusform>%1 toegewezen aan %n lid, %2 in totaal. Bedrijfssaldo: %3.</numerusform>
            <numerusform>%1 toegewezen aan elk van %n leden, %2 in totaal. Bedrijfssaldo: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one member to set up auto-recharge.</source>
        <translation>Selecteer één lid om automatisch opwaarderen in te stellen.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is off.</source>
        <translation>Automatisch opwaarderen voor %1 staat uit.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is on.</source>
        <translation>Automatisch opwaarderen voor %1 staat aan.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is on. %2</source>
        <translation>Automatisch opwaarderen voor %1 staat aan. %2</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Leden importeren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Leden exporteren</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 controleren…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 importeren…</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from %1: %n problem(s), the first on line %2: %3</source>
        <translation>
            <numerusform>Er is niets geïmporteerd uit %1: %n probleem, op regel %2: %3</numerusform>
            <numerusform>Er is niets geïmporteerd uit %1: %n problemen, het eerste op regel %2: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporteren naar %1…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Search by account, name, e-mail or department (Ctrl+F)</source>
        <translation>Zoek op account, naam, e-mail of afdeling (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search members</source>
        <translation>Leden zoeken</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>Lid &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Add a member (%1)</source>
        <translation>Een lid toevoegen (%1)</translation>
    </message>
    <message>
        <source>Allocate &amp;credit…</source>
        <translation>Tegoed toe&amp;wijzen…</translation>
    </message>
    <message>
        <source>Give credit from the company balance to the selected members (%1)</source>
        <translation>Tegoed uit het bedrijfssaldo aan de geselecteerde leden geven (%1)</translation>
    </message>
    <message>
        <source>Auto-&amp;recharge…</source>
        <translation>Automatisch &amp;opwaarderen…</translation>
    </message>
    <message>
        <source>Set up auto-recharge for the selected member (%1)</source>
        <translation>Automatisch opwaarderen instellen voor het geselecteerde lid (%1)</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>Leden &amp;importeren…</translation>
    </message>
    <message>
        <source>Import members from a CSV file (%1)</source>
        <translation>Leden importeren uit een CSV-bestand (%1)</translation>
    </message>
    <message>
        <source>&amp;Export members…</source>
        <translation>Leden &amp;exporteren…</translation>
    </message>
    <message>
        <source>Export every member to a CSV file (%1)</source>
        <translation>Alle leden exporteren naar een CSV-bestand (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln lid</numerusform>
            <numerusform>%Ln leden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>%Ln lid gevonden</numerusform>
            <numerusform>%Ln leden gevonden</numerusform>
        </translation>
    </message>
    <message>
        <source>The members cannot be shown: %1</source>
        <translation>De leden kunnen niet worden getoond: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln member(s) from %1.</source>
        <translation>
            <numerusform>%Ln lid geïmporteerd uit %1.</numerusform>
            <numerusform>%Ln leden geïmporteerd uit %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln member(s) to %1.</source>
        <translation>
            <numerusform>%Ln lid geëxporteerd naar %1.</numerusform>
            <numerusform>%Ln leden geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the members who get a number first.</source>
        <translation>Selecteer eerst de leden die een nummer krijgen.</translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation>&amp;Nummers kopen…</translation>
    </message>
    <message>
        <source>Buy a phone number for each selected member</source>
        <translation>Een telefoonnummer kopen voor elk geselecteerd lid</translation>
    </message>
    <message>
        <source>Select the members whose numbers to cancel first.</source>
        <translation>Selecteer eerst de leden van wie de nummers moeten worden geannuleerd.</translation>
    </message>
    <message>
        <source>Ca&amp;ncel numbers…</source>
        <translation>Nummers &amp;annuleren…</translation>
    </message>
    <message>
        <source>Cancel the numbers of the selected members at the end of their paid period</source>
        <translation>De nummers van de geselecteerde leden annuleren aan het einde van hun betaalde periode</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Nog geen leden</translation>
    </message>
    <message>
        <source>Members are the people who call through the account: each has an account for the phone and credit given from the company balance. Add them one at a time, or import a CSV file from the Members menu.</source>
        <translation>Leden zijn de mensen die via het account bellen: elk lid heeft een account voor de telefoon en tegoed dat uit het bedrijfssaldo wordt toegewezen. Voeg ze een voor een toe, of importeer een CSV-bestand via het menu Leden.</translation>
    </message>
</context>
<context>
    <name>sb::ui::NumbersPage</name>
    <message numerus="yes">
        <source>%Ln number(s) found</source>
        <translation>
            <numerusform>%Ln nummer gevonden</numerusform>
            <numerusform>%Ln nummers gevonden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln number(s)</source>
        <translation>
            <numerusform>%Ln nummer</numerusform>
            <numerusform>%Ln nummers</numerusform>
        </translation>
    </message>
    <message>
        <source>The numbers cannot be shown: %1</source>
        <translation>De nummers kunnen niet worden getoond: %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 voor %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 en %n andere</numerusform>
            <numerusform>%1 en %n andere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %n number(s) in %1 for %2: %3. Company balance: %4.</source>
        <translation>
            <numerusform>%n nummer gekocht in %1 voor %2: %3. Bedrijfssaldo: %4.</numerusform>
            <numerusform>%n nummers gekocht in %1 voor %2: %3. Bedrijfssaldo: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the one number to reassign.</source>
        <translation>Selecteer het ene nummer dat opnieuw moet worden toegewezen.</translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3.</source>
        <translation>%1 opnieuw toegewezen van %2 aan %3.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>The selected members hold no numbers.</source>
        <translation>De geselecteerde leden hebben geen nummers.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is already cancelled.</source>
        <translation>%1 is al geannuleerd.</translation>
    </message>
    <message>
        <source>Select the numbers to cancel first.</source>
        <translation>Selecteer eerst de nummers die moeten worden geannuleerd.</translation>
    </message>
    <message>
        <source>• %1 (%2): usable until %3, then released</source>
        <translation>• %1 (%2): bruikbaar tot %3, daarna vrijgegeven</translation>
    </message>
    <message>
        <source>Each number stays usable until the end of its paid period, then returns to the pool. There is no extra charge and no refund.</source>
        <translation>Elk nummer blijft bruikbaar tot het einde van de betaalde periode en gaat daarna terug naar de nummerpool. Er worden geen extra kosten in rekening gebracht en er is geen terugbetaling.</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Niet geannuleerd: %1</translation>
    </message>
    <message>
        <source>Cancel numbers</source>
        <translation>Nummers annuleren</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n number(s)?</source>
        <translation>
            <numerusform>%n nummer annuleren?</numerusform>
            <numerusform>%n nummers annuleren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n number(s)</source>
        <translation>
            <numerusform>%n nummer annuleren</numerusform>
            <numerusform>%n nummers annuleren</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behouden</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (tot %2)</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n number(s): %1. No refund; each is released when its period ends.</source>
        <translation>
            <numerusform>%n nummer geannuleerd: %1. Geen terugbetaling; het wordt vrijgegeven als de periode afloopt.</numerusform>
            <numerusform>%n nummers geannuleerd: %1. Geen terugbetaling; elk nummer wordt vrijgegeven als de periode afloopt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) could not be cancelled: %1</source>
        <translation>
            <numerusform>%n nummer kon niet worden geannuleerd: %1</numerusform>
            <numerusform>%n nummers konden niet worden geannuleerd: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n number(s); see the problems above the table.</source>
        <translation>
            <numerusform>%n nummer geannuleerd; zie de problemen boven de tabel.</numerusform>
            <numerusform>%n nummers geannuleerd; zie de problemen boven de tabel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummers</translation>
    </message>
    <message>
        <source>Search by number, account, name or SIP profile (Ctrl+F)</source>
        <translation>Zoek op nummer, account, naam of SIP-profiel (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search numbers</source>
        <translation>Nummers zoeken</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>L&amp;and:</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Alle landen</translation>
    </message>
    <message>
        <source>Filter by country</source>
        <translation>Filteren op land</translation>
    </message>
    <message>
        <source>Held &amp;by:</source>
        <translation>H&amp;ouder:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>SIP-profielen</translation>
    </message>
    <message>
        <source>Filter by holder</source>
        <translation>Filteren op houder</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Elke status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Vrijgegeven</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filteren op status</translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation>&amp;Nummers kopen…</translation>
    </message>
    <message>
        <source>Buy numbers for members or SIP profiles (%1)</source>
        <translation>Nummers kopen voor leden of SIP-profielen (%1)</translation>
    </message>
    <message>
        <source>&amp;Reassign number…</source>
        <translation>Nummer opnieuw &amp;toewijzen…</translation>
    </message>
    <message>
        <source>Give the selected number to another member or SIP profile (%1)</source>
        <translation>Het geselecteerde nummer aan een ander lid of SIP-profiel geven (%1)</translation>
    </message>
    <message>
        <source>&amp;Cancel numbers…</source>
        <translation>Nummers &amp;annuleren…</translation>
    </message>
    <message>
        <source>Cancel the selected numbers at the end of their paid period (%1)</source>
        <translation>De geselecteerde nummers annuleren aan het einde van hun betaalde periode (%1)</translation>
    </message>
    <message>
        <source>No numbers yet</source>
        <translation>Nog geen nummers</translation>
    </message>
    <message>
        <source>Phone numbers are bought for members and SIP profiles, in the country and area you choose, and renew from the company balance until they are cancelled.</source>
        <translation>Telefoonnummers worden gekocht voor leden en SIP-profielen, in het land en met het netnummer dat u kiest, en worden uit het bedrijfssaldo verlengd tot ze worden geannuleerd.</translation>
    </message>
</context>
<context>
    <name>sb::ui::PbxConfigView</name>
    <message>
        <source>Asterisk PJSIP configuration (pjsip.conf):</source>
        <translation>Asterisk PJSIP-configuratie (pjsip.conf):</translation>
    </message>
    <message>
        <source>Asterisk PJSIP configuration</source>
        <translation>Asterisk PJSIP-configuratie</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
    <message>
        <source>Co&amp;py configuration</source>
        <translation>Configuratie &amp;kopiëren</translation>
    </message>
    <message>
        <source>Copy the configuration</source>
        <translation>De configuratie kopiëren</translation>
    </message>
    <message>
        <source>Copy the whole block, with the password, to paste into the PBX</source>
        <translation>Het hele blok kopiëren, met het wachtwoord, om in de PBX te plakken</translation>
    </message>
</context>
<context>
    <name>sb::ui::ReassignNumberDialog</name>
    <message>
        <source>Reassign number</source>
        <translation>Nummer opnieuw toewijzen</translation>
    </message>
    <message>
        <source>%1 (E.164: %2)</source>
        <translation>%1 (E.164: %2)</translation>
    </message>
    <message>
        <source>%1, %2. Now held by: %3. Paid until %4.</source>
        <translation>%1, %2. Huidige houder: %3. Betaald tot %4.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>New holder is a:</source>
        <translation>Nieuwe houder is een:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Lid</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>SIP-profiel</translation>
    </message>
    <message>
        <source>New holder is a member or a SIP profile</source>
        <translation>Nieuwe houder is een lid of een SIP-profiel</translation>
    </message>
    <message>
        <source>&amp;SIP profile:</source>
        <translation>&amp;SIP-profiel:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Accountnaam:</translation>
    </message>
    <message>
        <source>Start typing a name; the list says member or SIP profile</source>
        <translation>Begin een naam te typen; de lijst geeft aan of het een lid of een SIP-profiel is</translation>
    </message>
    <message>
        <source>New holder</source>
        <translation>Nieuwe houder</translation>
    </message>
    <message>
        <source>Numbers in %1 are held under terms (for example a local address in %1). The terms accepted when this number was bought still apply: make sure the new holder meets them, or the number may be lost.</source>
        <translation>Voor nummers in %1 gelden voorwaarden (bijvoorbeeld een lokaal adres in %1). De voorwaarden waarmee bij de aankoop van dit nummer is ingestemd, blijven gelden: controleer of de nieuwe houder eraan voldoet, anders kan het nummer verloren gaan.</translation>
    </message>
    <message>
        <source>The terms under which this number was bought still apply to its new holder.</source>
        <translation>De voorwaarden waaronder dit nummer is gekocht, blijven gelden voor de nieuwe houder.</translation>
    </message>
    <message>
        <source>Terms reminder</source>
        <translation>Herinnering aan de voorwaarden</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Opnieuw toewijzen</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Opnieuw toewijzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>sb::ui::RenameSipProfileDialog</name>
    <message>
        <source>Rename SIP profile</source>
        <translation>Naam van SIP-profiel wijzigen</translation>
    </message>
    <message>
        <source>A new name for the SIP profile %1. Its SIP username, credentials and PBX configuration stay the same.</source>
        <translation>Een nieuwe naam voor het SIP-profiel %1. De SIP-gebruikersnaam, de aanmeldgegevens en de PBX-configuratie blijven hetzelfde.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nieuwe naam</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>The language of the window; money and dates follow it.</source>
        <translation>De taal van het venster; bedragen en datums volgen die.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>An SQLite file for one admin, or postgresql://user:password@host:port/database for an office where several admins work at once.</source>
        <translation>Een SQLite-bestand voor één beheerder, of postgresql://gebruiker:wachtwoord@host:poort/database voor een kantoor waar meerdere beheerders tegelijk werken.</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>D&amp;atabase:</translation>
    </message>
    <message>
        <source>file path or postgresql://…</source>
        <translation>bestandspad of postgresql://…</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Wisselen</translation>
    </message>
    <message>
        <source>Switch to this database</source>
        <translation>Naar deze database wisselen</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>In gebruik: %1</translation>
    </message>
    <message>
        <source>Database message</source>
        <translation>Melding over de database</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>SIP servers</source>
        <translation>SIP-servers</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>bijv. %1</translation>
    </message>
    <message>
        <source>Saved. Every SIP profile&apos;s PBX data now names these servers.</source>
        <translation>Opgeslagen. De PBX-gegevens van elk SIP-profiel noemen nu deze servers.</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers are now %1.</source>
        <translation>De SIP-servers van de provider zijn nu %1.</translation>
    </message>
    <message>
        <source>Name at least one SIP server, such as %1.</source>
        <translation>Geef ten minste één SIP-server op, bijvoorbeeld %1.</translation>
    </message>
    <message>
        <source>S&amp;IP servers:</source>
        <translation>S&amp;IP-servers:</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Save the SIP servers</source>
        <translation>De SIP-servers opslaan</translation>
    </message>
    <message>
        <source>SIP servers message</source>
        <translation>Melding over de SIP-servers</translation>
    </message>
    <message>
        <source>A trunk check now waits at most %1 ms for each server.</source>
        <translation>Een trunkcontrole wacht nu maximaal %1 ms op elke server.</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers (host:port, separated by commas) go into every SIP profile&apos;s PBX data and configuration; they are kept in the database, so every admin and switchboardctl see the same.</source>
        <translation>De SIP-servers van de provider (host:poort, gescheiden door komma&apos;s) komen in de PBX-gegevens en de PBX-configuratie van elk SIP-profiel; ze worden in de database bewaard, zodat elke beheerder en switchboardctl dezelfde servers zien.</translation>
    </message>
    <message>
        <source>Trunk check</source>
        <translation>Trunkcontrole</translation>
    </message>
    <message>
        <source>&quot;Check the trunk&quot; in a SIP profile&apos;s details sends SIP OPTIONS to its PBX and the provider&apos;s servers, sending again after 0.5, 1, 2 and 4 s. A server silent this long counts as not answering; switchboardctl profile probe uses the same limit.</source>
        <translation>&quot;Trunk controleren&quot; in de details van een SIP-profiel stuurt SIP OPTIONS naar de PBX ervan en naar de servers van de provider, en verstuurt ze opnieuw na 0,5, 1, 2 en 4 s. Een server die zo lang zwijgt, geldt als niet-antwoordend; switchboardctl profile probe gebruikt dezelfde limiet.</translation>
    </message>
    <message>
        <source>Wait at m&amp;ost:</source>
        <translation>Ma&amp;ximaal wachten:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Trunk check time limit in milliseconds</source>
        <translation>Tijdslimiet van de trunkcontrole in milliseconden</translation>
    </message>
</context>
<context>
    <name>sb::ui::SipProfileDetails</name>
    <message>
        <source>Copied the PBX configuration of %1 to the clipboard.</source>
        <translation>PBX-configuratie van %1 naar het klembord gekopieerd.</translation>
    </message>
    <message>
        <source>The password cannot be read: %1</source>
        <translation>Het wachtwoord kan niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Afdeling: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Gemaakt op %1</translation>
    </message>
    <message>
        <source>Registration: the PBX registers with this username and password.</source>
        <translation>Registratie: de PBX registreert zich met deze gebruikersnaam en dit wachtwoord.</translation>
    </message>
    <message>
        <source>Password hidden</source>
        <translation>Wachtwoord verborgen</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Wachtwoord: %1</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>&amp;Tonen</translation>
    </message>
    <message>
        <source>Hi&amp;de</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Wachtwoord tonen</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>Wachtwoord verbergen</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from this address without registration.</source>
        <translation>IP-authenticatie: de provider accepteert gesprekken vanaf dit adres zonder registratie.</translation>
    </message>
    <message>
        <source>%1, UDP port %2</source>
        <translation>%1, UDP-poort %2</translation>
    </message>
    <message>
        <source>SIP username: %1</source>
        <translation>SIP-gebruikersnaam: %1</translation>
    </message>
    <message>
        <source>%1 (defaults shown: %2)</source>
        <translation>%1 (standaardwaarden getoond: %2)</translation>
    </message>
    <message>
        <source>Point the PBX at these servers with the username and password, or paste this ready configuration:</source>
        <translation>Stel de PBX in op deze servers met de gebruikersnaam en het wachtwoord, of plak deze kant-en-klare configuratie:</translation>
    </message>
    <message>
        <source>The PBX sends its calls from %1 to these servers, or paste this ready configuration:</source>
        <translation>De PBX stuurt zijn gesprekken vanaf %1 naar deze servers; u kunt ook deze kant-en-klare configuratie plakken:</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month</source>
        <translation>
            <numerusform>%n kanaal: %1 per maand</numerusform>
            <numerusform>%n kanalen: %1 per maand</numerusform>
        </translation>
    </message>
    <message>
        <source>Was paid until %1.</source>
        <translation>De kanalen waren betaald tot %1.</translation>
    </message>
    <message>
        <source>The company balance could not pay the channels&apos; renewal: outgoing calls through this profile stop until the channels are paid. Change the channels to pay now.</source>
        <translation>Het bedrijfssaldo kon de verlenging van de kanalen niet betalen: uitgaande gesprekken via dit profiel stoppen tot de kanalen zijn betaald. Wijzig de kanalen om nu te betalen.</translation>
    </message>
    <message>
        <source>Paid until %1, then renewed monthly from the company balance.</source>
        <translation>Betaald tot %1, daarna maandelijks verlengd uit het bedrijfssaldo.</translation>
    </message>
    <message>
        <source>Profile balance: %1</source>
        <translation>Profielsaldo: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Linked accounts (%1)</source>
        <translation>Gekoppelde accounts (%1)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (nationaal: %2)</translation>
    </message>
    <message>
        <source>Numbers (%1)</source>
        <translation>Nummers (%1)</translation>
    </message>
    <message>
        <source>No number routes to this profile directly. Numbers of linked accounts route here too.</source>
        <translation>Er wordt geen nummer rechtstreeks naar dit profiel gerouteerd. Nummers van gekoppelde accounts worden ook hierheen gerouteerd.</translation>
    </message>
    <message>
        <source>Calls to these numbers, and to the numbers of linked accounts, go to this profile&apos;s PBX.</source>
        <translation>Gesprekken naar deze nummers, en naar de nummers van gekoppelde accounts, gaan naar de PBX van dit profiel.</translation>
    </message>
    <message>
        <source>SIP profile details</source>
        <translation>Details van het SIP-profiel</translation>
    </message>
    <message>
        <source>No SIP profile is selected. Create one to connect the office PBX: it gets its own credit, channels, numbers and linked accounts.</source>
        <translation>Er is geen SIP-profiel geselecteerd. Maak er een om de PBX van het kantoor aan te sluiten: het krijgt een eigen tegoed, eigen kanalen, nummers en gekoppelde accounts.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authenticatie</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Gebruikersnaam:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Wachtwoord:</translation>
    </message>
    <message>
        <source>Allowed IP:</source>
        <translation>Toegestaan IP-adres:</translation>
    </message>
    <message>
        <source>Address warning</source>
        <translation>Adreswaarschuwing</translation>
    </message>
    <message>
        <source>PBX data</source>
        <translation>PBX-gegevens</translation>
    </message>
    <message>
        <source>Provider SIP servers:</source>
        <translation>SIP-servers van de provider:</translation>
    </message>
    <message>
        <source>Outgoing calls</source>
        <translation>Uitgaande gesprekken</translation>
    </message>
    <message>
        <source>Channels not paid</source>
        <translation>Kanalen niet betaald</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Calls through this profile are paid from its own credit. Credit allocated to it cannot be taken back; it returns to the company balance only when the profile is deleted.</source>
        <translation>Gesprekken via dit profiel worden betaald uit het eigen tegoed. Tegoed dat eraan is toegewezen, kan niet worden teruggenomen; het gaat pas terug naar het bedrijfssaldo als het profiel wordt verwijderd.</translation>
    </message>
    <message>
        <source>Calls to a linked account and to its numbers go to this profile&apos;s PBX (to the extension, if set). A linked account cannot be used to sign in.</source>
        <translation>Gesprekken naar een gekoppeld account en naar de nummers ervan gaan naar de PBX van dit profiel (naar het toestelnummer, als dat is ingesteld). Met een gekoppeld account kan niet worden aangemeld.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Toestelnummer</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Gekoppelde accounts</translation>
    </message>
    <message>
        <source>Numbers of the profile</source>
        <translation>Nummers van het profiel</translation>
    </message>
    <message>
        <source>US minute bundles</source>
        <translation>Amerikaanse minutenbundels</translation>
    </message>
    <message>
        <source>%1 a month: channels %2 and US minute bundles %3</source>
        <translation>%1 per maand: kanalen %2 en Amerikaanse minutenbundels %3</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 per maand</translation>
    </message>
    <message>
        <source>Outgoing calls: %1</source>
        <translation>Uitgaande gesprekken: %1</translation>
    </message>
    <message>
        <source>No US minute bundles.</source>
        <translation>Geen Amerikaanse minutenbundels.</translation>
    </message>
    <message>
        <source>US calls are charged at the standard rates.</source>
        <translation>Gesprekken naar de VS worden tegen de standaardtarieven in rekening gebracht.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) at %1 each: %2 a month</source>
        <translation>
            <numerusform>%n bundel à %1: %2 per maand</numerusform>
            <numerusform>%n bundels à %1 per stuk: %2 per maand</numerusform>
        </translation>
    </message>
    <message>
        <source>Minutes used: %1 of %2 this period (until %3)</source>
        <translation>Gebruikte minuten: %1 van %2 in deze periode (tot %3)</translation>
    </message>
    <message>
        <source>Cancelled: usable until %1, then they expire.</source>
        <translation>Geannuleerd: bruikbaar tot %1, daarna vervallen ze.</translation>
    </message>
    <message>
        <source>Next payment: %1, from this profile&apos;s balance.</source>
        <translation>Volgende betaling: %1, uit het saldo van dit profiel.</translation>
    </message>
    <message>
        <source>Each bundle gives 5000 minutes a month of calls to US mobiles and landlines, paid from this profile&apos;s credit; at most one per channel. Unused minutes expire at the renewal; US calls beyond them are charged at the standard rates.</source>
        <translation>Elke bundel geeft 5000 minuten per maand aan gesprekken naar Amerikaanse mobiele en vaste nummers, betaald uit het tegoed van dit profiel; maximaal één per kanaal. Ongebruikte minuten vervallen bij de verlenging; gesprekken naar de VS daarboven worden tegen de standaardtarieven in rekening gebracht.</translation>
    </message>
    <message>
        <source>Country: %1</source>
        <translation>Land: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The credentials went to %1.</source>
        <translation>De aanmeldgegevens zijn naar %1 gestuurd.</translation>
    </message>
    <message>
        <source>Sent the credentials of %1 to %2.</source>
        <translation>Aanmeldgegevens van %1 naar %2 verzonden.</translation>
    </message>
    <message>
        <source>The credentials were not sent: %1</source>
        <translation>De aanmeldgegevens zijn niet verzonden: %1</translation>
    </message>
    <message>
        <source>Sending the credentials to %1…</source>
        <translation>Aanmeldgegevens naar %1 verzenden…</translation>
    </message>
    <message>
        <source>This profile has no e-mail address to send its credentials to.</source>
        <translation>Dit profiel heeft geen e-mailadres om de aanmeldgegevens naartoe te sturen.</translation>
    </message>
    <message>
        <source>Mails the username, password, SIP servers and PBX configuration to %1.</source>
        <translation>Mailt de gebruikersnaam, het wachtwoord, de SIP-servers en de PBX-configuratie naar %1.</translation>
    </message>
    <message>
        <source>PBX %1</source>
        <translation>PBX %1</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Provider %1</translation>
    </message>
    <message>
        <source>The last check cannot be read: %1</source>
        <translation>De laatste controle kan niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Nog niet gecontroleerd.</translation>
    </message>
    <message>
        <source>Checked %1:
%2</source>
        <translation>Gecontroleerd op %1:
%2</translation>
    </message>
    <message>
        <source>Checking the trunk of %1…</source>
        <translation>Trunk van %1 controleren…</translation>
    </message>
    <message>
        <source>The trunk could not be checked: %1</source>
        <translation>De trunk kon niet worden gecontroleerd: %1</translation>
    </message>
    <message>
        <source>Checked the trunk of %1: %2 of %3 servers answered OK.</source>
        <translation>Trunk van %1 gecontroleerd: %2 van %3 servers antwoordden OK.</translation>
    </message>
    <message>
        <source>Send the credentials &amp;again</source>
        <translation>Aanmeldgegevens opnieuw ver&amp;zenden</translation>
    </message>
    <message>
        <source>Send the credentials again</source>
        <translation>Aanmeldgegevens opnieuw verzenden</translation>
    </message>
    <message>
        <source>Check the &amp;trunk</source>
        <translation>Trunk &amp;controleren</translation>
    </message>
    <message>
        <source>Check the trunk</source>
        <translation>Trunk controleren</translation>
    </message>
    <message>
        <source>Sends SIP OPTIONS to the PBX (IP authentication) and to the provider&apos;s servers, and shows who answers and how fast.</source>
        <translation>Verstuurt SIP OPTIONS naar de PBX (IP-authenticatie) en naar de servers van de provider, en toont wie antwoordt en hoe snel.</translation>
    </message>
    <message>
        <source>Provider SIP servers</source>
        <translation>SIP-servers van de provider</translation>
    </message>
</context>
<context>
    <name>sb::ui::SipProfilesPage</name>
    <message numerus="yes">
        <source>%n SIP profile(s)</source>
        <translation>
            <numerusform>%n SIP-profiel</numerusform>
            <numerusform>%n SIP-profielen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SIP profile(s) found</source>
        <translation>
            <numerusform>%n SIP-profiel gevonden</numerusform>
            <numerusform>%n SIP-profielen gevonden</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profiles cannot be shown: %1</source>
        <translation>De SIP-profielen kunnen niet worden getoond: %1</translation>
    </message>
    <message numerus="yes">
        <source>Created the SIP profile %1 with %n channel(s), paid %2 until %3. Company balance: %4.</source>
        <translation>
            <numerusform>SIP-profiel %1 gemaakt met %n kanaal, %2 betaald tot %3. Bedrijfssaldo: %4.</numerusform>
            <numerusform>SIP-profiel %1 gemaakt met %n kanalen, %2 betaald tot %3. Bedrijfssaldo: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed the SIP profile %1 to %2.</source>
        <translation>SIP-profiel %1 hernoemd naar %2.</translation>
    </message>
    <message>
        <source>Export call history</source>
        <translation>Gespreksgeschiedenis exporteren</translation>
    </message>
    <message>
        <source>%1-calls.csv</source>
        <translation>%1-gesprekken.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Allocated %1 to the SIP profile %2; its balance is now %3. Company balance: %4.</source>
        <translation>%1 toegewezen aan het SIP-profiel %2; het saldo is nu %3. Bedrijfssaldo: %4.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n channel(s): paid %2 now, renewed on %3.</source>
        <translation>
            <numerusform>%1 heeft nu %n kanaal: nu %2 betaald, verlengd op %3.</numerusform>
            <numerusform>%1 heeft nu %n kanalen: nu %2 betaald, verlengd op %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked %1 to the SIP profile %2; it cannot sign in while linked.</source>
        <translation>%1 gekoppeld aan het SIP-profiel %2; zolang het gekoppeld is, kan er niet mee worden aangemeld.</translation>
    </message>
    <message>
        <source>Linked %1 to the SIP profile %2 at extension %3; it cannot sign in while linked.</source>
        <translation>%1 gekoppeld aan het SIP-profiel %2 op toestelnummer %3; zolang het gekoppeld is, kan er niet mee worden aangemeld.</translation>
    </message>
    <message>
        <source>Unlink account</source>
        <translation>Account ontkoppelen</translation>
    </message>
    <message>
        <source>Unlink %1 from the SIP profile %2?</source>
        <translation>%1 ontkoppelen van het SIP-profiel %2?</translation>
    </message>
    <message>
        <source>Calls to the account and to its numbers no longer go to the PBX of %1, and the account can sign in again.</source>
        <translation>Gesprekken naar het account en naar de nummers ervan gaan niet meer naar de PBX van %1, en met het account kan weer worden aangemeld.</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>&amp;Ontkoppelen</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Ontkoppelen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Unlinked %1 from the SIP profile %2; it can sign in again.</source>
        <translation>%1 ontkoppeld van het SIP-profiel %2; er kan weer mee worden aangemeld.</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>SIP-profielen</translation>
    </message>
    <message>
        <source>Search by name or department (Ctrl+F)</source>
        <translation>Zoek op naam of afdeling (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search SIP profiles</source>
        <translation>SIP-profielen zoeken</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Create SIP profile…</source>
        <translation>SIP-profiel &amp;maken…</translation>
    </message>
    <message>
        <source>Create a SIP profile for a PBX</source>
        <translation>Een SIP-profiel maken voor een PBX</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Naam wijzigen…</translation>
    </message>
    <message>
        <source>Rename the selected SIP profile</source>
        <translation>De naam van het geselecteerde SIP-profiel wijzigen</translation>
    </message>
    <message>
        <source>&amp;Delete SIP profile…</source>
        <translation>SIP-profiel &amp;verwijderen…</translation>
    </message>
    <message>
        <source>Delete the selected SIP profile, after showing what happens</source>
        <translation>Het geselecteerde SIP-profiel verwijderen, na te hebben getoond wat er gebeurt</translation>
    </message>
    <message>
        <source>Allocate c&amp;redit…</source>
        <translation>&amp;Tegoed toewijzen…</translation>
    </message>
    <message>
        <source>Give credit from the company balance to the SIP profile</source>
        <translation>Tegoed uit het bedrijfssaldo aan het SIP-profiel geven</translation>
    </message>
    <message>
        <source>C&amp;hange channels…</source>
        <translation>&amp;Kanalen wijzigen…</translation>
    </message>
    <message>
        <source>Change how many calls the SIP profile can make at once</source>
        <translation>Wijzigen hoeveel gesprekken het SIP-profiel tegelijk kan voeren</translation>
    </message>
    <message>
        <source>&amp;Link account…</source>
        <translation>&amp;Account koppelen…</translation>
    </message>
    <message>
        <source>Send a member account&apos;s incoming calls to the SIP profile</source>
        <translation>Inkomende gesprekken van een ledenaccount naar het SIP-profiel sturen</translation>
    </message>
    <message>
        <source>&amp;Unlink account…</source>
        <translation>Account &amp;ontkoppelen…</translation>
    </message>
    <message>
        <source>Unlink the account selected in the details</source>
        <translation>Het in de details geselecteerde account ontkoppelen</translation>
    </message>
    <message>
        <source>&amp;Buy a number…</source>
        <translation>Een nummer ko&amp;pen…</translation>
    </message>
    <message>
        <source>Buy a number that routes to the SIP profile</source>
        <translation>Een nummer kopen dat naar het SIP-profiel wordt gerouteerd</translation>
    </message>
    <message>
        <source>&amp;Add bundles…</source>
        <translation>&amp;Bundels toevoegen…</translation>
    </message>
    <message>
        <source>Chan&amp;ge bundles…</source>
        <translation>Bundels &amp;wijzigen…</translation>
    </message>
    <message>
        <source>Cancel bundle&amp;s…</source>
        <translation>Bundels ann&amp;uleren…</translation>
    </message>
    <message>
        <source>&amp;Extend bundles…</source>
        <translation>Bundels ver&amp;lengen…</translation>
    </message>
    <message>
        <source>Select a SIP profile first.</source>
        <translation>Selecteer eerst een SIP-profiel.</translation>
    </message>
    <message>
        <source>Buy US minute bundles for the SIP profile</source>
        <translation>Amerikaanse minutenbundels kopen voor het SIP-profiel</translation>
    </message>
    <message>
        <source>The profile already has bundles: change them instead.</source>
        <translation>Het profiel heeft al bundels: wijzig die in plaats daarvan.</translation>
    </message>
    <message>
        <source>Change the number of bundles; the unused minutes are refunded</source>
        <translation>Het aantal bundels wijzigen; de ongebruikte minuten worden terugbetaald</translation>
    </message>
    <message>
        <source>The profile has no bundles: add them first.</source>
        <translation>Het profiel heeft geen bundels: voeg eerst bundels toe.</translation>
    </message>
    <message>
        <source>Cancel the bundles: usable until the end of the period, not renewed</source>
        <translation>De bundels annuleren: bruikbaar tot het einde van de periode, niet verlengd</translation>
    </message>
    <message>
        <source>Already cancelled: usable until %1.</source>
        <translation>Al geannuleerd: bruikbaar tot %1.</translation>
    </message>
    <message>
        <source>The profile has no bundles.</source>
        <translation>Het profiel heeft geen bundels.</translation>
    </message>
    <message>
        <source>Pay the next month of the bundles now</source>
        <translation>De volgende maand van de bundels nu betalen</translation>
    </message>
    <message>
        <source>Bundles can be extended only within %1 days of the end of their paid time (%2), from %3.</source>
        <translation>Bundels kunnen pas binnen %1 dagen voor het einde van de betaalde periode (%2) worden verlengd, vanaf %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n US minute bundle(s): %2 refunded for unused minutes, %3 paid until %4.</source>
        <translation>
            <numerusform>%1 heeft nu %n Amerikaanse minutenbundel: %2 terugbetaald voor ongebruikte minuten, %3 betaald tot %4.</numerusform>
            <numerusform>%1 heeft nu %n Amerikaanse minutenbundels: %2 terugbetaald voor ongebruikte minuten, %3 betaald tot %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n US minute bundle(s): %2 paid until %3.</source>
        <translation>
            <numerusform>%1 heeft nu %n Amerikaanse minutenbundel: %2 betaald tot %3.</numerusform>
            <numerusform>%1 heeft nu %n Amerikaanse minutenbundels: %2 betaald tot %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behouden</translation>
    </message>
    <message>
        <source>Cancel US minute bundles</source>
        <translation>Amerikaanse minutenbundels annuleren</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %n US minute bundle(s) of %1?</source>
        <translation>
            <numerusform>De %n Amerikaanse minutenbundel van %1 annuleren?</numerusform>
            <numerusform>De %n Amerikaanse minutenbundels van %1 annuleren?</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay usable until %1 and are not renewed; nothing is refunded.</source>
        <translation>Ze blijven bruikbaar tot %1 en worden niet verlengd; er wordt niets terugbetaald.</translation>
    </message>
    <message>
        <source>&amp;Cancel bundles</source>
        <translation>Bundels ann&amp;uleren</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are cancelled: usable until %2.</source>
        <translation>De Amerikaanse minutenbundels van %1 zijn geannuleerd: bruikbaar tot %2.</translation>
    </message>
    <message>
        <source>Extend US minute bundles</source>
        <translation>Amerikaanse minutenbundels verlengen</translation>
    </message>
    <message numerus="yes">
        <source>Extend the %n US minute bundle(s) of %1 by a month?</source>
        <translation>
            <numerusform>De %n Amerikaanse minutenbundel van %1 met een maand verlengen?</numerusform>
            <numerusform>De %n Amerikaanse minutenbundels van %1 met een maand verlengen?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is paid now from the profile&apos;s balance; they then run until %2.</source>
        <translation>%1 wordt nu betaald uit het saldo van het profiel; de bundels lopen dan tot %2.</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Verlengen</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are extended: %2 paid; next payment %3.</source>
        <translation>De Amerikaanse minutenbundels van %1 zijn verlengd: %2 betaald; volgende betaling op %3.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number(s) back in the pool, %4 unlinked, %5 deleted.</source>
        <translation>
            <numerusform>SIP-profiel %1 verwijderd: %2 terug naar het bedrijfssaldo (nu %3), %n nummer terug in de nummerpool, %4 ontkoppeld, %5 verwijderd.</numerusform>
            <numerusform>SIP-profiel %1 verwijderd: %2 terug naar het bedrijfssaldo (nu %3), %n nummers terug in de nummerpool, %4 ontkoppeld, %5 verwijderd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln gesprek</numerusform>
            <numerusform>%Ln gesprekken</numerusform>
        </translation>
    </message>
    <message>
        <source>No SIP profiles yet</source>
        <translation>Nog geen SIP-profielen</translation>
    </message>
    <message>
        <source>A SIP profile is one SIP trunk to the office PBX, with its own credit and channels. Create one to connect the PBX.</source>
        <translation>Een SIP-profiel is één SIP-trunk naar de PBX van het kantoor, met een eigen tegoed en eigen kanalen. Maak er een aan om de PBX te verbinden.</translation>
    </message>
</context>
<context>
    <name>sb::ui::StatementDialog</name>
    <message>
        <source>Save the statement as PDF</source>
        <translation>Het maandoverzicht opslaan als PDF</translation>
    </message>
    <message>
        <source>statement-%1.pdf</source>
        <translation>maandoverzicht-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Save the statement as CSV</source>
        <translation>Het maandoverzicht opslaan als CSV</translation>
    </message>
    <message>
        <source>statement-%1.csv</source>
        <translation>maandoverzicht-%1.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 schrijven…</translation>
    </message>
    <message>
        <source>Statement saved to %1.</source>
        <translation>Maandoverzicht opgeslagen in %1.</translation>
    </message>
    <message>
        <source>Print the statement</source>
        <translation>Het maandoverzicht afdrukken</translation>
    </message>
    <message>
        <source>“%1” sent to the printer.</source>
        <translation>&quot;%1&quot; naar de printer gestuurd.</translation>
    </message>
    <message>
        <source>Monthly statement</source>
        <translation>Maandoverzicht</translation>
    </message>
    <message>
        <source>&amp;Month (UTC):</source>
        <translation>&amp;Maand (UTC):</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>&amp;PDF opslaan…</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>&amp;CSV opslaan…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message numerus="yes">
        <source>Company balance: %1 at the start of the month, %2 at its end.
Topped up %3; allocated %4 (auto-recharges included); returned %5.
Spent %6: numbers %7, channels %8, bundles %9, calls %10.
%Ln SIP profile(s) and %11 in the statement.</source>
        <translation>
            <numerusform>Bedrijfssaldo: %1 aan het begin van de maand, %2 aan het einde.
Opgewaardeerd: %3; toegewezen: %4 (automatisch opwaarderen inbegrepen); teruggeboekt: %5.
Uitgegeven: %6 (nummers %7, kanalen %8, bundels %9, gesprekken %10).
Het maandoverzicht omvat %Ln SIP-profiel en %11.</numerusform>
            <numerusform>Bedrijfssaldo: %1 aan het begin van de maand, %2 aan het einde.
Opgewaardeerd: %3; toegewezen: %4 (automatisch opwaarderen inbegrepen); teruggeboekt: %5.
Uitgegeven: %6 (nummers %7, kanalen %8, bundels %9, gesprekken %10).
Het maandoverzicht omvat %Ln SIP-profielen en %11.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln lid</numerusform>
            <numerusform>%Ln leden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::TablePage</name>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
</context>
<context>
    <name>sb::ui::TopUpDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>&quot;%1&quot; is geen bedrag. Typ het als %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1. After the top-up: %2.</source>
        <translation>Bedrijfssaldo nu: %1. Na de opwaardering: %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1.</source>
        <translation>Bedrijfssaldo nu: %1.</translation>
    </message>
    <message>
        <source>Top up the company balance</source>
        <translation>Bedrijfssaldo opwaarderen</translation>
    </message>
    <message>
        <source>Record credit the company has bought. It is added to the company balance, from which members are given credit.</source>
        <translation>Leg tegoed vast dat het bedrijf heeft gekocht. Het wordt bij het bedrijfssaldo opgeteld, waaruit leden tegoed krijgen.</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Bedrag (%1):</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referentie:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>e.g. the invoice or order number</source>
        <translation>bijv. het factuur- of ordernummer</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Bedrijfssaldo</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Opwaarderen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>sb::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to Switchboard</source>
        <translation>Welkom bij Switchboard</translation>
    </message>
    <message numerus="yes">
        <source>Switchboard keeps your company&apos;s calling account: the company balance, the members and the credit you give them.

This account is still empty. You can look around in a demo account with %n made-up member(s) first, or start with your own members right away.</source>
        <translation>
            <numerusform>Switchboard beheert het belaccount van uw bedrijf: het bedrijfssaldo, de leden en het tegoed dat u ze geeft.

Dit account is nog leeg. U kunt eerst rondkijken in een demo-account met %n verzonnen lid, of meteen met uw eigen leden beginnen.</numerusform>
            <numerusform>Switchboard beheert het belaccount van uw bedrijf: het bedrijfssaldo, de leden en het tegoed dat u ze geeft.

Dit account is nog leeg. U kunt eerst rondkijken in een demo-account met %n verzonnen leden, of meteen met uw eigen leden beginnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Inleiding</translation>
    </message>
    <message>
        <source>Open a &amp;demo account</source>
        <translation>&amp;Demo-account openen</translation>
    </message>
    <message>
        <source>Open a demo account</source>
        <translation>Demo-account openen</translation>
    </message>
    <message>
        <source>&amp;Start empty</source>
        <translation>&amp;Leeg beginnen</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Leeg beginnen</translation>
    </message>
</context>
</TS>
