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
    <message>
        <source>Top-up of %1, reference %2</source>
        <translation>Påfyll på %1, referanse %2</translation>
    </message>
    <message>
        <source>Top-up of %1</source>
        <translation>Påfyll på %1</translation>
    </message>
    <message>
        <source>Added member %1 (%2)</source>
        <translation>La til medlemmet %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>Importerte %n medlem</numerusform>
            <numerusform>Importerte %n medlemmer</numerusform>
        </translation>
    </message>
    <message>
        <source>Allocated %1 to %2; new balance %3</source>
        <translation>Tildelte %1 til %2; ny saldo %3</translation>
    </message>
    <message>
        <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
        <translation>Automatisk påfyll for %1: %2 når saldoen er under %3, høyst %4 per måned</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1</source>
        <translation>Automatisk påfyll slått av for %1</translation>
    </message>
    <message>
        <source>Recharged %1 with %2; new balance %3</source>
        <translation>Fylte på %1 med %2; ny saldo %3</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Firmasaldoen (%1) kan ikke betale det automatiske påfyllet på %2 for %3.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>Den månedlige påfyllsgrensen på %1 for %2 er nådd; automatisk påfyll er stanset til %3.</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 resumed for the new month</source>
        <translation>Automatisk påfyll for %1 gjenopptatt for den nye måneden</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n demo member(s)</source>
        <translation>
            <numerusform>Genererte %n demomedlem</numerusform>
            <numerusform>Genererte %n demomedlemmer</numerusform>
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
        <source>Reassigned %1 from %2 to %3</source>
        <translation>Tildelte %1 på nytt fra %2 til %3</translation>
    </message>
    <message>
        <source>Assigned %1 from the company&apos;s pool to %2</source>
        <translation>Tildelte %1 fra firmaets beholdning til %2</translation>
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
        <source>Renewed %1 for %2; next renewal on %3</source>
        <translation>Fornyet %1 for %2; neste fornyelse %3</translation>
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
        <source>Renamed SIP profile %1 to %2</source>
        <translation>Endret navnet på SIP-profil %1 til %2</translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
        <translation>Endret %1 fra %2 til %3 kanaler; betalte %4 til %5</translation>
    </message>
    <message>
        <source>Allocated %1 to SIP profile %2; new balance %3</source>
        <translation>Tildelte %1 til SIP-profil %2; ny saldo %3</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
        <translation>Koblet %1 til SIP-profil %2 på internnummer %3; pålogging deaktivert</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2; sign-in disabled</source>
        <translation>Koblet %1 til SIP-profil %2; pålogging deaktivert</translation>
    </message>
    <message>
        <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
        <translation>Koblet %1 fra SIP-profil %2; pålogging gjenopprettet</translation>
    </message>
    <message>
        <source>Deleted SIP profile %1. Returned to the company: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5</source>
        <translation>Slettet SIP-profil %1. Tilbake til firmaet: %2; numre tilbake i beholdningen: %3; kontoer koblet fra: %4; samtaleposter slettet: %5</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>Kanalene til %1 kunne ikke fornyes: firmasaldoen (%2) kan ikke betale %3. Utgående samtaler gjennom profilen stopper til kanalene er betalt.</translation>
    </message>
    <message>
        <source>Bought a number</source>
        <translation>Kjøpte et nummer</translation>
    </message>
    <message>
        <source>Number assigned</source>
        <translation>Nummer tildelt</translation>
    </message>
    <message>
        <source>Number cancelled</source>
        <translation>Nummer sagt opp</translation>
    </message>
    <message>
        <source>Number released</source>
        <translation>Nummer frigitt</translation>
    </message>
    <message>
        <source>Number expired</source>
        <translation>Nummer utløpt</translation>
    </message>
    <message>
        <source>Number renewed</source>
        <translation>Nummer fornyet</translation>
    </message>
    <message>
        <source>SIP profile created</source>
        <translation>SIP-profil opprettet</translation>
    </message>
    <message>
        <source>SIP profile renamed</source>
        <translation>SIP-profil gitt nytt navn</translation>
    </message>
    <message>
        <source>Channels changed</source>
        <translation>Kanaler endret</translation>
    </message>
    <message>
        <source>Credit allocated to a SIP profile</source>
        <translation>Kreditt tildelt en SIP-profil</translation>
    </message>
    <message>
        <source>Account linked</source>
        <translation>Konto koblet til</translation>
    </message>
    <message>
        <source>Account unlinked</source>
        <translation>Konto koblet fra</translation>
    </message>
    <message>
        <source>SIP profile deleted</source>
        <translation>SIP-profil slettet</translation>
    </message>
    <message>
        <source>Channels not renewed</source>
        <translation>Kanaler ikke fornyet</translation>
    </message>
    <message>
        <source>Call records imported</source>
        <translation>Samtaleposter importert</translation>
    </message>
    <message>
        <source>Imported the price list %1 in place of the one in force: number prices for %2 countries, %3 per-minute rates</source>
        <translation>Importerte prislisten %1 i stedet for den gjeldende: nummerpriser for %2 land, %3 minuttpriser</translation>
    </message>
    <message numerus="yes">
        <source>Added %n US minute bundle(s) to %1; paid %2 until %3</source>
        <translation>
            <numerusform>La til %n USA-minuttpakke for %1; betalte %2 for perioden til %3</numerusform>
            <numerusform>La til %n USA-minuttpakker for %1; betalte %2 for perioden til %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed the US minute bundles of %1 from %2 to %3; refunded %4 for unused minutes, paid %5 until %6</source>
        <translation>Endret USA-minuttpakkene til %1 fra %2 til %3; refunderte %4 for ubrukte minutter, betalte %5 for perioden til %6</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n US minute bundle(s) of %1; usable until %2</source>
        <translation>
            <numerusform>Sa opp %n USA-minuttpakke for %1; kan brukes til %2</numerusform>
            <numerusform>Sa opp %n USA-minuttpakker for %1; kan brukes til %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extended %n US minute bundle(s) of %1 by a month; paid %2, next payment %3</source>
        <translation>
            <numerusform>Utvidet %n USA-minuttpakke for %1 med en måned; betalte %2, neste betaling %3</numerusform>
            <numerusform>Utvidet %n USA-minuttpakker for %1 med en måned; betalte %2, neste betaling %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewed %n US minute bundle(s) of %1; paid %2 until %3</source>
        <translation>
            <numerusform>Fornyet %n USA-minuttpakke for %1; betalte %2 for perioden til %3</numerusform>
            <numerusform>Fornyet %n USA-minuttpakker for %1; betalte %2 for perioden til %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3)</source>
        <translation>
            <numerusform>%n USA-minuttpakke for %1 falt bort: profilsaldoen (%2) kan ikke betale fornyelsen (%3)</numerusform>
            <numerusform>%n USA-minuttpakker for %1 falt bort: profilsaldoen (%2) kan ikke betale fornyelsen (%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Price list imported</source>
        <translation>Prisliste importert</translation>
    </message>
    <message>
        <source>Bundles added</source>
        <translation>Pakker lagt til</translation>
    </message>
    <message>
        <source>Bundles changed</source>
        <translation>Pakker endret</translation>
    </message>
    <message>
        <source>Bundles cancelled</source>
        <translation>Pakker sagt opp</translation>
    </message>
    <message>
        <source>Bundles extended</source>
        <translation>Pakker utvidet</translation>
    </message>
    <message>
        <source>Bundles renewed</source>
        <translation>Pakker fornyet</translation>
    </message>
    <message>
        <source>Bundles lapsed</source>
        <translation>Pakker falt bort</translation>
    </message>
    <message>
        <source>Changed the country of %1 from %2 to %3</source>
        <translation>Endret landet for %1 fra %2 til %3</translation>
    </message>
    <message>
        <source>Changed the country of SIP profile %1 from %2 to %3</source>
        <translation>Endret landet for SIP-profil %1 fra %2 til %3</translation>
    </message>
    <message>
        <source>Member&apos;s country changed</source>
        <translation>Medlemmets land endret</translation>
    </message>
    <message>
        <source>SIP profile&apos;s country changed</source>
        <translation>SIP-profilens land endret</translation>
    </message>
    <message>
        <source>Mail server set to %1, port %2 (%3), sender %4, login as %5</source>
        <translation>Satte e-postserveren til %1, port %2 (%3), avsender %4, pålogging som %5</translation>
    </message>
    <message>
        <source>Mail server set to %1, port %2 (%3), sender %4, without login</source>
        <translation>Satte e-postserveren til %1, port %2 (%3), avsender %4, uten pålogging</translation>
    </message>
    <message>
        <source>Mail server %1 removed</source>
        <translation>Fjernet e-postserveren %1</translation>
    </message>
    <message>
        <source>Sent the credentials of SIP profile %1 to %2</source>
        <translation>Sendte påloggingsopplysningene for SIP-profil %1 til %2</translation>
    </message>
    <message>
        <source>Mail server set</source>
        <translation>E-postserver angitt</translation>
    </message>
    <message>
        <source>Mail server removed</source>
        <translation>E-postserver fjernet</translation>
    </message>
    <message>
        <source>Credentials sent</source>
        <translation>Påloggingsopplysninger sendt</translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; credited %4 for the unused days, paid %5 until %6</source>
        <translation>Endret %1 fra %2 til %3 kanaler; godskrev %4 for de ubrukte dagene, betalte %5 til %6</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n call record(s) from %1 and charged %2; duplicates skipped: %3; lines not imported: %4</source>
        <translation>
            <numerusform>Importerte %n samtalepost fra %1 og belastet %2; duplikater hoppet over: %3; linjer som ikke ble importert: %4</numerusform>
            <numerusform>Importerte %n samtaleposter fra %1 og belastet %2; duplikater hoppet over: %3; linjer som ikke ble importert: %4</numerusform>
        </translation>
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
    <name>sb::AdviceService</name>
    <message>
        <source>There is no SIP profile with id %1.</source>
        <translation>Det finnes ingen SIP-profil med id %1.</translation>
    </message>
</context>
<context>
    <name>sb::AttentionModel</name>
    <message>
        <source>Urgent</source>
        <translation>Haster</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Snart</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Hastegrad</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Gjelder</translation>
    </message>
    <message>
        <source>What needs you</source>
        <translation>Hva som må gjøres</translation>
    </message>
</context>
<context>
    <name>sb::AttentionService</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… og %n til.</numerusform>
            <numerusform>… og %n til.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 owes %2.</source>
        <translation>%1 skylder %2.</translation>
    </message>
    <message>
        <source>SIP profile %1 owes %2.</source>
        <translation>SIP-profilen %1 skylder %2.</translation>
    </message>
    <message>
        <source>SIP profile %1 has no credit: its calls will be owed.</source>
        <translation>SIP-profilen %1 har ingen kreditt: samtalene blir skyldige.</translation>
    </message>
    <message>
        <source>%1 has %2 left, less than a usual week of spending (%3).</source>
        <translation>%1 har %2 igjen, mindre enn forbruket i en vanlig uke (%3).</translation>
    </message>
    <message>
        <source>SIP profile %1 has %2 left, less than a usual week of spending (%3).</source>
        <translation>SIP-profilen %1 har %2 igjen, mindre enn forbruket i en vanlig uke (%3).</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 is suspended until %2: its monthly limit of %3 is reached.</source>
        <translation>Automatisk påfyll for %1 er stanset til %2: den månedlige grensen på %3 er nådd.</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n nummer</numerusform>
            <numerusform>%n numre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) renew by %1 for %2</source>
        <translation>
            <numerusform>%n nummer fornyes innen %1 for %2</numerusform>
            <numerusform>%n numre fornyes innen %1 for %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; the company balance covers them.</source>
        <translation>%1; firmasaldoen dekker dette.</translation>
    </message>
    <message>
        <source>%1; the company balance (%2) does not cover the %3 due this week.</source>
        <translation>%1; firmasaldoen (%2) dekker ikke de %3 som forfaller denne uken.</translation>
    </message>
    <message numerus="yes">
        <source>The %n channel(s) of %1 renew on %2 for %3</source>
        <translation>
            <numerusform>Den ene kanalen til %1 fornyes %2 for %3</numerusform>
            <numerusform>De %n kanalene til %1 fornyes %2 for %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 renew on %2 for %3</source>
        <translation>
            <numerusform>Den ene USA-minuttpakken til %1 fornyes %2 for %3</numerusform>
            <numerusform>De %n USA-minuttpakkene til %1 fornyes %2 for %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; its balance covers them.</source>
        <translation>%1; saldoen dekker dette.</translation>
    </message>
    <message>
        <source>%1; its balance (%2) does not cover them.</source>
        <translation>%1; saldoen (%2) dekker ikke dette.</translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed on %2: its balance could not pay the renewal.</source>
        <translation>
            <numerusform>Den ene USA-minuttpakken til %1 falt bort %2: saldoen kunne ikke betale fornyelsen.</numerusform>
            <numerusform>De %n USA-minuttpakkene til %1 falt bort %2: saldoen kunne ikke betale fornyelsen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %n channel(s) for its busiest hour (%2 erlangs at 1% blocking); it has %3.</source>
        <translation>
            <numerusform>%1 trenger %n kanal for den travleste timen (%2 erlang ved 1 % blokkering); den har %3.</numerusform>
            <numerusform>%1 trenger %n kanaler for den travleste timen (%2 erlang ved 1 % blokkering); den har %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advice for %1: without its %n US minute bundle(s) it would have saved %2 a month.</source>
        <translation>
            <numerusform>Råd for %1: uten sin %n USA-minuttpakke ville den ha spart %2 i måneden.</numerusform>
            <numerusform>Råd for %1: uten sine %n USA-minuttpakker ville den ha spart %2 i måneden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advice for %1: %n US minute bundle(s) instead of %2 would have saved %3 a month.</source>
        <translation>
            <numerusform>Råd for %1: %n USA-minuttpakke i stedet for %2 ville ha spart %3 i måneden.</numerusform>
            <numerusform>Råd for %1: %n USA-minuttpakker i stedet for %2 ville ha spart %3 i måneden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::BalanceDisplay</name>
    <message>
        <source>owes %1</source>
        <translation>skylder %1</translation>
    </message>
</context>
<context>
    <name>sb::BalanceHistoryModel</name>
    <message>
        <source>Company balance</source>
        <translation>Firmasaldo</translation>
    </message>
</context>
<context>
    <name>sb::BundleMinutesModel</name>
    <message>
        <source>Minutes used</source>
        <translation>Brukte minutter</translation>
    </message>
    <message>
        <source>Minutes included</source>
        <translation>Inkluderte minutter</translation>
    </message>
    <message numerus="yes">
        <source>%n other profile(s)</source>
        <translation>
            <numerusform>%n annen profil</numerusform>
            <numerusform>%n andre profiler</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::BundleService</name>
    <message>
        <source>Enter at least one US minute bundle (to end them, cancel them), not %1.</source>
        <translation>Angi minst én USA-minuttpakke (si opp pakkene for å avslutte dem), ikke %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n channel(s): it can have at most as many US minute bundles, not %2.</source>
        <translation>
            <numerusform>%1 har %n kanal: profilen kan ha høyst like mange USA-minuttpakker, ikke %2.</numerusform>
            <numerusform>%1 har %n kanaler: profilen kan ha høyst like mange USA-minuttpakker, ikke %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n US minute bundle(s), until %2: change them instead.</source>
        <translation>
            <numerusform>%1 har allerede %n USA-minuttpakke, til %2: endre den i stedet.</numerusform>
            <numerusform>%1 har allerede %n USA-minuttpakker, til %2: endre dem i stedet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). Nothing was bought.</source>
        <translation>
            <numerusform>Saldoen til %1 (%2) kan ikke betale %n USA-minuttpakke for en måned (%3). Ingenting ble kjøpt.</numerusform>
            <numerusform>Saldoen til %1 (%2) kan ikke betale %n USA-minuttpakker for en måned (%3). Ingenting ble kjøpt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>%n USA-minuttpakke for %1</numerusform>
            <numerusform>%n USA-minuttpakker for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to change: add them instead.</source>
        <translation>%1 har ingen USA-minuttpakker å endre: legg til pakker i stedet.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n US minute bundle(s).</source>
        <translation>
            <numerusform>%1 har allerede %n USA-minuttpakke.</numerusform>
            <numerusform>%1 har allerede %n USA-minuttpakker.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) with the refund of %3 cannot pay %n US minute bundle(s) for a month (%4). The bundles were not changed.</source>
        <translation>
            <numerusform>Saldoen til %1 (%2) med refusjonen på %3 kan ikke betale %n USA-minuttpakke for en måned (%4). Pakkene ble ikke endret.</numerusform>
            <numerusform>Saldoen til %1 (%2) med refusjonen på %3 kan ikke betale %n USA-minuttpakker for en måned (%4). Pakkene ble ikke endret.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unused US minute bundle minutes of %1: %2</source>
        <translation>Ubrukte minutter i USA-minuttpakkene til %1: %2</translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to cancel.</source>
        <translation>%1 har ingen USA-minuttpakker å si opp.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are already cancelled; they stay usable until %2.</source>
        <translation>USA-minuttpakkene til %1 er allerede sagt opp; de kan brukes til %2.</translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to extend.</source>
        <translation>%1 har ingen USA-minuttpakker å utvide.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are paid until %2: they can be extended only within %3 days of that date, from %4.</source>
        <translation>USA-minuttpakkene til %1 er betalt til %2: de kan bare utvides i løpet av de siste %3 dagene før denne datoen, altså fra %4.</translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). The bundles were not extended.</source>
        <translation>
            <numerusform>Saldoen til %1 (%2) kan ikke betale %n USA-minuttpakke for en måned (%3). Pakken ble ikke utvidet.</numerusform>
            <numerusform>Saldoen til %1 (%2) kan ikke betale %n USA-minuttpakker for en måned (%3). Pakkene ble ikke utvidet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extension of %n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>Utvidelse av %n USA-minuttpakke for %1</numerusform>
            <numerusform>Utvidelse av %n USA-minuttpakker for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3). Allocate credit to the profile and add them again.</source>
        <translation>
            <numerusform>%n USA-minuttpakke for %1 falt bort: profilsaldoen (%2) kan ikke betale fornyelsen (%3). Tildel kreditt til profilen og legg pakken til på nytt.</numerusform>
            <numerusform>%n USA-minuttpakker for %1 falt bort: profilsaldoen (%2) kan ikke betale fornyelsen (%3). Tildel kreditt til profilen og legg pakkene til på nytt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>Fornyelse av %n USA-minuttpakke for %1</numerusform>
            <numerusform>Fornyelse av %n USA-minuttpakker for %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::CallHistory</name>
    <message>
        <source>Cannot read the calls: %1</source>
        <translation>Kan ikke lese samtalene: %1</translation>
    </message>
    <message>
        <source>Cannot write the calls: %1</source>
        <translation>Kan ikke skrive samtalene: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Eksporten ble avbrutt; ingen fil ble skrevet.</translation>
    </message>
</context>
<context>
    <name>sb::CallImporter</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan ikke lese %1: %2</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Importen ble avbrutt; ingenting ble endret.</translation>
    </message>
    <message>
        <source>No rate in the price list for %1; the call was not charged.</source>
        <translation>Ingen takst i prislisten for %1; samtalen ble ikke belastet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number; the call was not charged.</source>
        <translation>«%1» er ikke et gyldig telefonnummer; samtalen ble ikke belastet.</translation>
    </message>
</context>
<context>
    <name>sb::CallsModel</name>
    <message>
        <source>Charged</source>
        <translation>Belastet</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Ikke besvart</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>No rate for this destination</source>
        <translation>Ingen takst for denne destinasjonen</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>Ugyldig nummer</translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation>SIP-profil %1</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(slettet)</translation>
    </message>
    <message>
        <source>Dialled %1</source>
        <translation>Slått nummer: %1</translation>
    </message>
    <message>
        <source>Billable seconds, from answer to hang-up</source>
        <translation>Fakturerbare sekunder, fra samtalen besvares til den legges på</translation>
    </message>
    <message>
        <source>Billed minutes: billable seconds rounded up to whole minutes</source>
        <translation>Fakturerte minutter: fakturerbare sekunder rundet opp til hele minutter</translation>
    </message>
    <message>
        <source>Minutes taken from the SIP profile&apos;s US minute bundles</source>
        <translation>Minutter trukket fra USA-minuttpakkene til SIP-profilen</translation>
    </message>
    <message>
        <source>The call at its per-minute rate</source>
        <translation>Prisen for samtalen etter minuttprisen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Betalt av</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varighet</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Fakturert</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Pakke</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (dialled %2)</source>
        <translation>%1 (slått: %2)</translation>
    </message>
</context>
<context>
    <name>sb::CdrReader</name>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Filen kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>The record is longer than %1 bytes; perhaps a quote is not closed.</source>
        <translation>Posten er lengre enn %1 byte; kanskje et anførselstegn ikke er lukket.</translation>
    </message>
    <message>
        <source>The record holds NUL bytes: binary data, not text.</source>
        <translation>Posten inneholder NUL-byte: binære data, ikke tekst.</translation>
    </message>
    <message>
        <source>A quoted field is not closed before the end of the file.</source>
        <translation>Et felt i anførselstegn blir ikke avsluttet før slutten av filen.</translation>
    </message>
    <message>
        <source>Column %1 has a quote out of place: a quote must enclose the whole field and be doubled inside it.</source>
        <translation>Kolonne %1 har et anførselstegn på feil sted: anførselstegn må omslutte hele feltet og dobles inne i det.</translation>
    </message>
    <message>
        <source>The record has %1 columns: Asterisk writes 16 to 18, FreeSWITCH 15.</source>
        <translation>Posten har feil antall kolonner (%1): Asterisk skriver 16 til 18, FreeSWITCH 15.</translation>
    </message>
    <message>
        <source>The record has %1 columns: Asterisk writes 16 to 18.</source>
        <translation>Posten har feil antall kolonner (%1): Asterisk skriver 16 til 18.</translation>
    </message>
    <message>
        <source>The record has %1 columns: FreeSWITCH writes 15.</source>
        <translation>Posten har feil antall kolonner (%1): FreeSWITCH skriver 15.</translation>
    </message>
    <message>
        <source>Column %1 (%2): %3 does not exist in the time zone %4, whose clocks were put forward then; are the records really in that zone?</source>
        <translation>Kolonne %1 (%2): %3 finnes ikke i tidssonen %4, der klokkene ble stilt fram på det tidspunktet; er postene virkelig i den tidssonen?</translation>
    </message>
    <message>
        <source>Column %1 (%2) is not a time of the form YYYY-MM-DD HH:MM:SS: “%3”.</source>
        <translation>Kolonne %1 (%2) er ikke et tidspunkt på formen YYYY-MM-DD HH:MM:SS: «%3».</translation>
    </message>
    <message>
        <source>Column %1 (%2) is negative: %3.</source>
        <translation>Kolonne %1 (%2) er negativ: %3.</translation>
    </message>
    <message>
        <source>Column %1 (%2) is not a whole number of seconds: “%3”.</source>
        <translation>Kolonne %1 (%2) er ikke et helt antall sekunder: «%3».</translation>
    </message>
    <message>
        <source>The billed seconds (%1) are more than the call&apos;s duration (%2).</source>
        <translation>De fakturerte sekundene (%1) er flere enn samtalens varighet (%2).</translation>
    </message>
    <message numerus="yes">
        <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): %n bad record(s) and no good one.</source>
        <translation>
            <numerusform>Filen inneholder ingen samtaleposter som Switchboard kan lese (Asterisk eller FreeSWITCH cdr_csv): %n ugyldig post og ingen gyldige.</numerusform>
            <numerusform>Filen inneholder ingen samtaleposter som Switchboard kan lese (Asterisk eller FreeSWITCH cdr_csv): %n ugyldige poster og ingen gyldige.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not a text file of call detail records: line %1 holds binary data.</source>
        <translation>Filen er ikke en tekstfil med samtaleposter: linje %1 inneholder binære data.</translation>
    </message>
    <message numerus="yes">
        <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): its first %n record(s) are all bad.</source>
        <translation>
            <numerusform>Filen inneholder ingen samtaleposter som Switchboard kan lese (Asterisk eller FreeSWITCH cdr_csv): den første posten er ugyldig (%n post lest).</numerusform>
            <numerusform>Filen inneholder ingen samtaleposter som Switchboard kan lese (Asterisk eller FreeSWITCH cdr_csv): de første %n postene er alle ugyldige.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column %1 (%2) is not valid UTF-8 text: “%3”.</source>
        <translation>Kolonne %1 (%2) er ikke gyldig UTF-8-tekst: «%3».</translation>
    </message>
</context>
<context>
    <name>sb::ChartData</name>
    <message>
        <source>There is no SIP profile with id %1.</source>
        <translation>Det finnes ingen SIP-profil med id %1.</translation>
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
        <source>The reference has a line break, tab or other control character: type it on one line.</source>
        <translation>Referansen har et linjeskift, en tabulator eller et annet kontrolltegn: skriv den på én linje.</translation>
    </message>
</context>
<context>
    <name>sb::CredentialsMail</name>
    <message>
        <source>Credentials of the SIP profile %1</source>
        <translation>Påloggingsopplysninger for SIP-profilen %1</translation>
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
        <translation>Hei,

her er påloggingsopplysningene for SIP-profilen %1, som PBX-en skal bruke.

SIP-brukernavn: %2
SIP-passord: %3

Leverandørens SIP-servere:
%4

Oppsettet for en Asterisk-PBX (PJSIP), klart til å limes inn i /etc/asterisk/pjsip.conf:

%5

Behandle denne meldingen fortrolig: den som har passordet, kan ringe på firmaets regning.
</translation>
    </message>
    <message>
        <source>Switchboard test message</source>
        <translation>Testmelding fra Switchboard</translation>
    </message>
    <message>
        <source>This is a test message from Switchboard: the mail server %1 (port %2) sends the credentials of SIP profiles.
</source>
        <translation>Dette er en testmelding fra Switchboard: e-postserveren %1 (port %2) brukes til å sende påloggingsopplysningene for SIP-profiler.
</translation>
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
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Firmasaldoen (%1) kan ikke betale det automatiske påfyllet på %2 for %3.</translation>
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
        <source>Auto-recharge is not on for %1.</source>
        <translation>Automatisk påfyll er ikke på for %1.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3, and %2 owes %4.</source>
        <translation>Den månedlige påfyllsgrensen på %1 for %2 er nådd; automatisk påfyll er stanset til %3, og %2 skylder %4.</translation>
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
    <message>
        <source>the statement returned no row.</source>
        <translation>spørringen returnerte ingen rad.</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>Kan ikke opprette databasen %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database Switchboard can open: give an SQLite file path or a postgresql://user[:password]@host[:port]/database address.</source>
        <translation>«%1» er ikke en database Switchboard kan åpne: oppgi en filsti til en SQLite-fil eller en adresse på formen postgresql://bruker[:passord]@vert[:port]/database.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: create it first, or choose another place for the database.</source>
        <translation>Mappen %1 finnes ikke: opprett den først, eller velg et annet sted for databasen.</translation>
    </message>
</context>
<context>
    <name>sb::DemoGenerator</name>
    <message>
        <source>Generating the demo was cancelled; nothing was written.</source>
        <translation>Genereringen av demoen ble avbrutt; ingenting ble skrevet.</translation>
    </message>
    <message>
        <source>The number of demo members must be between 0 and %1.</source>
        <translation>Antall demomedlemmer må være mellom 0 og %1.</translation>
    </message>
    <message>
        <source>The number of demo SIP profiles must be between 0 and %1.</source>
        <translation>Antall demo-SIP-profiler må være mellom 0 og %1.</translation>
    </message>
    <message>
        <source>The number of demo numbers must be between 0 and %1.</source>
        <translation>Antall demonumre må være mellom 0 og %1.</translation>
    </message>
    <message>
        <source>The number of demo calls must be between 0 and %1.</source>
        <translation>Antall demosamtaler må være mellom 0 og %1.</translation>
    </message>
    <message>
        <source>Demo numbers need members or SIP profiles to hold them.</source>
        <translation>Demonumre trenger medlemmer eller SIP-profiler som innehavere.</translation>
    </message>
    <message>
        <source>This database already holds an account (members: %1, SIP profiles: %2, ledger entries: %3): demo data would be mixed into it. Use an empty database for the demo.</source>
        <translation>Denne databasen har allerede en konto (medlemmer: %1, SIP-profiler: %2, posteringer: %3): demodataene ville blitt blandet inn i den. Bruk en tom database til demoen.</translation>
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
    <message>
        <source>The amounts add up to more than can be moved at once.</source>
        <translation>Beløpene blir til sammen mer enn det som kan flyttes på én gang.</translation>
    </message>
    <message>
        <source>Account %1 cannot be charged: it is not a member&apos;s or a SIP profile&apos;s.</source>
        <translation>Kontoen %1 kan ikke belastes: den tilhører verken et medlem eller en SIP-profil.</translation>
    </message>
</context>
<context>
    <name>sb::LedgerBatch</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Beløpet må være større enn null.</translation>
    </message>
    <message>
        <source>The amounts add up to more than can be moved at once.</source>
        <translation>Beløpene blir til sammen mer enn det som kan flyttes på én gang.</translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation>Saldoen er for lav til %1.</translation>
    </message>
</context>
<context>
    <name>sb::LiveChanges</name>
    <message>
        <source>The database driver cannot deliver notifications.</source>
        <translation>Databasedriveren kan ikke levere varsler.</translation>
    </message>
</context>
<context>
    <name>sb::MailSender</name>
    <message>
        <source>No mail server is set: enter one in Settings (or with switchboardctl settings mail).</source>
        <translation>Ingen e-postserver er angitt: legg inn en under Innstillinger (eller med switchboardctl settings mail).</translation>
    </message>
    <message>
        <source>A message is already being sent; wait for it.</source>
        <translation>En melding sendes allerede; vent til den er ferdig.</translation>
    </message>
    <message>
        <source>SIP profile %1 authenticates by its IP address: it has no username or password to send.</source>
        <translation>SIP-profil %1 autentiseres med IP-adressen sin: den har ikke noe brukernavn eller passord å sende.</translation>
    </message>
    <message>
        <source>SIP profile %1 has no e-mail address to send its credentials to.</source>
        <translation>SIP-profil %1 har ingen e-postadresse å sende påloggingsopplysningene til.</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>Meldingen ble ikke sendt.</translation>
    </message>
    <message>
        <source>The credentials were sent to %1, but the activity log could not record it: %2</source>
        <translation>Påloggingsopplysningene ble sendt til %1, men aktivitetsloggen kunne ikke registrere det: %2</translation>
    </message>
</context>
<context>
    <name>sb::MailSettings</name>
    <message>
        <source>Enter the mail server&apos;s host name.</source>
        <translation>Skriv inn vertsnavnet til e-postserveren.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mail server&apos;s host name such as smtp.example.com.</source>
        <translation>«%1» er ikke et vertsnavn for en e-postserver (for eksempel smtp.example.com).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address such as name@example.com.</source>
        <translation>«%1» er ikke en e-postadresse (for eksempel name@example.com).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port must be from 1 to 65535, not %1.</source>
        <translation>Porten til e-postserveren må være mellom 1 og 65535, ikke %1.</translation>
    </message>
    <message>
        <source>Enter the sender address of the messages.</source>
        <translation>Skriv inn avsenderadressen for meldingene.</translation>
    </message>
    <message>
        <source>Security &quot;none&quot; is only for a mail server on this machine (localhost); use STARTTLS or TLS for %1.</source>
        <translation>Ingen sikkerhet («none») passer bare for en e-postserver på denne maskinen (localhost); bruk STARTTLS eller TLS for %1.</translation>
    </message>
    <message>
        <source>The mail server&apos;s user name cannot span lines.</source>
        <translation>Brukernavnet for e-postserveren kan ikke gå over flere linjer.</translation>
    </message>
    <message>
        <source>The mail server&apos;s password cannot span lines.</source>
        <translation>Passordet for e-postserveren kan ikke gå over flere linjer.</translation>
    </message>
    <message>
        <source>Enter the password of %1 on the mail server.</source>
        <translation>Skriv inn passordet til %1 på e-postserveren.</translation>
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
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Eksporten ble avbrutt; ingen fil ble skrevet.</translation>
    </message>
    <message>
        <source>The country is empty: give its two-letter code, e.g. US.</source>
        <translation>Landet er tomt: oppgi koden på to bokstaver, f.eks. US.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code known for phone numbers (two letters, e.g. US or NO).</source>
        <translation>«%1» er ikke en landskode som er kjent for telefonnumre (to bokstaver, f.eks. US eller NO).</translation>
    </message>
    <message>
        <source>The country of %1 is already %2.</source>
        <translation>Landet til %1 er allerede %2.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 finnes ikke.</translation>
    </message>
    <message>
        <source>%1 is not a regular file: only a CSV file can be imported.</source>
        <translation>%1 er ikke en vanlig fil: bare en CSV-fil kan importeres.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, more than any member list; split it.</source>
        <translation>%1 er større enn %2 MB, mer enn noen medlemsliste; del den opp.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is longer than %3 characters: this is not a member list.</source>
        <translation>Linje %1 i %2 er lengre enn %3 tegn: dette er ikke en medlemsliste.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not UTF-8 text (perhaps Latin-1 or Windows-1252): save the file as UTF-8 and import it again.</source>
        <translation>Linje %1 i %2 er ikke UTF-8-tekst (kanskje Latin-1 eller Windows-1252): lagre filen som UTF-8 og importer den på nytt.</translation>
    </message>
    <message>
        <source>accounts were not created.</source>
        <translation>kontoene ble ikke opprettet.</translation>
    </message>
    <message>
        <source>a member was not created.</source>
        <translation>et medlem ble ikke opprettet.</translation>
    </message>
    <message>
        <source>The display name may not contain control characters.</source>
        <translation>Visningsnavnet kan ikke inneholde kontrolltegn.</translation>
    </message>
    <message>
        <source>The department may not contain control characters.</source>
        <translation>Avdelingen kan ikke inneholde kontrolltegn.</translation>
    </message>
    <message>
        <source>The first line names the column &quot;%1&quot; twice (columns %2 and %3); name each column once.</source>
        <translation>Den første linjen nevner kolonnen «%1» to ganger (kolonne %2 og %3); nevn hver kolonne bare én gang.</translation>
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
    <message>
        <source>a row of %1 refers to a missing row.</source>
        <translation>en rad i %1 viser til en rad som mangler.</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database: %2 It was left untouched; choose a Switchboard database or a new file.</source>
        <translation>%1 er ikke en Switchboard-database: %2 Filen ble ikke endret; velg en Switchboard-database eller en ny fil.</translation>
    </message>
    <message>
        <source>it is not an SQLite database file.</source>
        <translation>den er ikke en SQLite-databasefil.</translation>
    </message>
    <message>
        <source>it belongs to another application (application id %1).</source>
        <translation>den tilhører et annet program (program-ID %1).</translation>
    </message>
    <message numerus="yes">
        <source>it holds %n table(s) of another application.</source>
        <translation>
            <numerusform>den har %n tabell fra et annet program.</numerusform>
            <numerusform>den har %n tabeller fra et annet program.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database %1 has a damaged schema record (table schema_meta, no valid version): Switchboard cannot tell which version wrote it. It was left untouched; restore it from a backup.</source>
        <translation>Databasen %1 har en skadet skjemapost (tabellen schema_meta, ingen gyldig versjon): Switchboard kan ikke avgjøre hvilken versjon som skrev den. Den ble ikke endret; gjenopprett den fra en sikkerhetskopi.</translation>
    </message>
</context>
<context>
    <name>sb::MonthlyStatement</name>
    <message>
        <source>Name the file to write the statement to.</source>
        <translation>Oppgi filen kontoutskriften skal skrives til.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month; write it as YYYY-MM, such as 2026-11.</source>
        <translation>«%1» er ikke en måned; skriv den som ÅÅÅÅ-MM, for eksempel 2026-11.</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>konto %1</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (slettet)</translation>
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
    <message numerus="yes">
        <source>%1 for %n month(s)</source>
        <translation>
            <numerusform>%1 for %n måned</numerusform>
            <numerusform>%1 for %n måneder</numerusform>
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
        <source>%1 is already cancelled; it stays usable until %2.</source>
        <translation>%1 er allerede sagt opp; det kan brukes til %2.</translation>
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
        <source>Not enough numbers are left in area %1 (%2): %3 left, %4 needed. Nothing was bought.</source>
        <translation>Ikke nok ledige numre med retningsnummer %1 (%2): %3 igjen, det trengs %4. Ingenting ble kjøpt.</translation>
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
    <name>sb::OutputFile</name>
    <message>
        <source>%1 is not a regular file (a folder, a device or a pipe); choose a file to write.</source>
        <translation>%1 er ikke en vanlig fil (men en mappe, en enhet eller et rør); velg en fil å skrive til.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>the file could not be written whole</source>
        <translation>filen kunne ikke skrives fullstendig</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Nothing was written.</source>
        <translation>Kan ikke skrive %1: %2. Ingenting ble skrevet.</translation>
    </message>
</context>
<context>
    <name>sb::PeakCallsModel</name>
    <message>
        <source>Most calls at once</source>
        <translation>Flest samtidige samtaler</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
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
    <message>
        <source>The price list is too large (%1 bytes; at most %2).</source>
        <translation>Prislisten er for stor (%1 byte; høyst %2).</translation>
    </message>
    <message>
        <source>The price list is not UTF-8 text: the first bad byte is at line %1, column %2 (byte %3).</source>
        <translation>Prislisten er ikke UTF-8-tekst: linje %1, kolonne %2 (byte %3) er ikke gyldig UTF-8.</translation>
    </message>
    <message>
        <source>The price list is not valid JSON: %1 at line %2, column %3.</source>
        <translation>Prislisten er ikke gyldig JSON: %1 på linje %2, kolonne %3.</translation>
    </message>
    <message>
        <source>The price list must be a JSON object with &quot;numbers&quot;, &quot;bundle&quot;, &quot;channel&quot; and &quot;rates&quot;.</source>
        <translation>Prislisten må være et JSON-objekt med &quot;numbers&quot;, &quot;bundle&quot;, &quot;channel&quot; og &quot;rates&quot;.</translation>
    </message>
    <message>
        <source>The price list has an unknown field &quot;%1&quot;.</source>
        <translation>Prislisten har et ukjent felt «%1».</translation>
    </message>
    <message>
        <source>The price list&apos;s currency must be %1 (the account&apos;s).</source>
        <translation>Valutaen i prislisten må være %1 (kontoens valuta).</translation>
    </message>
    <message>
        <source>The price list has no %1.</source>
        <translation>Prislisten har ingen %1.</translation>
    </message>
    <message>
        <source>The price list&apos;s %1 must be an amount written as a string, like &quot;6.00&quot;.</source>
        <translation>Prislisten: %1 må være et beløp skrevet som en streng, for eksempel &quot;6.00&quot;.</translation>
    </message>
    <message>
        <source>The price list&apos;s %1 (%2) must be above 0 and at most %3.</source>
        <translation>Prislisten: %1 (%2) må være over 0 og høyst %3.</translation>
    </message>
    <message>
        <source>The price list has no &quot;numbers&quot; object of number prices.</source>
        <translation>Prislisten har ikke noe &quot;numbers&quot;-objekt med nummerpriser.</translation>
    </message>
    <message>
        <source>The price list has number prices for &quot;%1&quot;, which is not a country numbers are sold in (%2).</source>
        <translation>Prislisten har nummerpriser for «%1», som ikke er et land der det selges numre (%2).</translation>
    </message>
    <message>
        <source>The price list has no number prices for %1 (&quot;numbers&quot;: {&quot;%1&quot;: {&quot;1&quot;: …, &quot;3&quot;: …, &quot;12&quot;: …}}).</source>
        <translation>Prislisten har ingen nummerpriser for %1 (&quot;numbers&quot;: {&quot;%1&quot;: {&quot;1&quot;: …, &quot;3&quot;: …, &quot;12&quot;: …}}).</translation>
    </message>
    <message>
        <source>The price list has a number price for &quot;%1&quot; months in %2; numbers are sold for %3 months.</source>
        <translation>Prislisten har en nummerpris for «%1» måneder i %2; numre selges for %3 måneder.</translation>
    </message>
    <message>
        <source>%1-month number price for %2</source>
        <translation>nummerpris for %1 måneder i %2</translation>
    </message>
    <message>
        <source>bundle price</source>
        <translation>pakkepris</translation>
    </message>
    <message>
        <source>channel price</source>
        <translation>kanalpris</translation>
    </message>
    <message>
        <source>The price list has no &quot;rates&quot; list of per-minute rates.</source>
        <translation>Prislisten har ingen &quot;rates&quot;-liste med minuttpriser.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list is not an object with &quot;prefix&quot;, &quot;rate&quot; and &quot;name&quot;.</source>
        <translation>Takst nr. %1 i prislisten er ikke et objekt med &quot;prefix&quot;, &quot;rate&quot; og &quot;name&quot;.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list has an unknown field &quot;%2&quot;.</source>
        <translation>Takst nr. %1 i prislisten har et ukjent felt «%2».</translation>
    </message>
    <message>
        <source>Rate %1 of the price list needs a &quot;prefix&quot; of 1 to 15 digits (the country code first, like &quot;447&quot;).</source>
        <translation>Takst nr. %1 i prislisten må ha et &quot;prefix&quot; på 1 til 15 sifre (landskoden først, for eksempel &quot;447&quot;).</translation>
    </message>
    <message>
        <source>The prefix %1 is in the price list twice (rates %2 and %3).</source>
        <translation>Prefikset %1 står to ganger i prislisten (takst nr. %2 og %3).</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) is negative: %3.</source>
        <translation>Taksten for prefikset %1 (takst nr. %2 i prislisten) er negativ: %3.</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) must be a string like &quot;0.0230&quot;, with at most four decimals.</source>
        <translation>Taksten for prefikset %1 (takst nr. %2 i prislisten) må være en streng som &quot;0.0230&quot;, med høyst fire desimaler.</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) is %3 a minute; at most %4 is accepted.</source>
        <translation>Taksten for prefikset %1 (takst nr. %2 i prislisten) er %3 per minutt; høyst %4 godtas.</translation>
    </message>
    <message>
        <source>The name of prefix %1 (rate %2 of the price list) must be text of at most 200 characters.</source>
        <translation>Navnet på prefikset %1 (takst nr. %2 i prislisten) må være tekst på høyst 200 tegn.</translation>
    </message>
</context>
<context>
    <name>sb::PriceListStore</name>
    <message>
        <source>The price list %1 is too large (%2 bytes; at most %3).</source>
        <translation>Prislisten %1 er for stor (%2 byte; høyst %3).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan ikke lese %1: %2</translation>
    </message>
</context>
<context>
    <name>sb::ProbeResult</name>
    <message>
        <source>%1 answered %2 %3 in %4 ms</source>
        <translation>%1 svarte %2 %3 på %4 ms</translation>
    </message>
    <message>
        <source>%1 answered %2 %3</source>
        <translation>%1 svarte %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no answer after %2 s</source>
        <translation>%1: ingen svar etter %2 s</translation>
    </message>
</context>
<context>
    <name>sb::ProbeService</name>
    <message>
        <source>The probe&apos;s time limit must be from %1 to %2 ms, not %3.</source>
        <translation>Tidsgrensen for trunkkontrollen må være mellom %1 og %2 ms, ikke %3.</translation>
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
        <source>The SIP profile is already named &quot;%1&quot;.</source>
        <translation>SIP-profilen heter allerede «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n channel(s).</source>
        <translation>
            <numerusform>%1 har allerede %n kanal.</numerusform>
            <numerusform>%1 har allerede %n kanaler.</numerusform>
        </translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
        <translation>Firmasaldoen (%1) dekker ikke %2 til %3. Ingenting ble tildelt.</translation>
    </message>
    <message>
        <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
        <translation>Kontoen %1 er allerede koblet til SIP-profilen %2; en konto kan bare kobles til én SIP-profil.</translation>
    </message>
    <message>
        <source>The account %1 is not linked to the SIP profile %2.</source>
        <translation>Kontoen %1 er ikke koblet til SIP-profilen %2.</translation>
    </message>
    <message>
        <source>Credit of deleted SIP profile %1</source>
        <translation>Kreditt fra slettet SIP-profil %1</translation>
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
    <message>
        <source>%1 is a &quot;this network&quot; address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en «dette nettverket»-adresse (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a private address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en privat adresse (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a carrier-grade NAT (shared) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en CGNAT-adresse (delt) (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a loopback address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en loopback-adresse (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a link-local address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en lenkelokal adresse (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a reserved (IETF protocol) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en reservert adresse (IETF-protokoll) (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a documentation address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en dokumentasjonsadresse (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a benchmarking address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en adresse for ytelsestesting (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a multicast address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en multicast-adresse (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message>
        <source>%1 is a reserved address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 er en reservert adresse (%2): leverandøren kan ikke nå den fra internett. Skriv inn den offentlige adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n US minute bundle(s); it needs at least as many channels. Lower the bundles first. The channels were not changed.</source>
        <translation>
            <numerusform>%1 har %n USA-minuttpakke; profilen trenger minst like mange kanaler. Reduser antall pakker først. Kanalene ble ikke endret.</numerusform>
            <numerusform>%1 har %n USA-minuttpakker; profilen trenger minst like mange kanaler. Reduser antall pakker først. Kanalene ble ikke endret.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile %1 owes %2 for calls; allocate at least %2 to it before deleting it.</source>
        <translation>SIP-profilen %1 skylder %2 for samtaler; tildel minst %2 til profilen før den slettes.</translation>
    </message>
    <message>
        <source>The country of SIP profile %1 is already %2.</source>
        <translation>Landet til SIP-profilen %1 er allerede %2.</translation>
    </message>
    <message>
        <source>The extension %1 of the SIP profile %2 already belongs to the account %3; give each linked account its own extension.</source>
        <translation>Internnummeret %1 i SIP-profilen %2 tilhører allerede kontoen %3; gi hver koblet konto sitt eget internnummer.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) with the credit of %2 for unused days cannot pay %n channel(s) for a month (%3). The channels were not changed.</source>
        <translation>
            <numerusform>Firmasaldoen (%1) med kreditten på %2 for ubrukte dager kan ikke betale %n kanal for en måned (%3). Kanalene ble ikke endret.</numerusform>
            <numerusform>Firmasaldoen (%1) med kreditten på %2 for ubrukte dager kan ikke betale %n kanaler for en måned (%3). Kanalene ble ikke endret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unused days of %n channel(s) for %1</source>
        <translation>
            <numerusform>Ubrukte dager av %n kanal for %1</numerusform>
            <numerusform>Ubrukte dager av %n kanaler for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks the same as the existing SIP profile &quot;%2&quot;; choose a name that reads differently.</source>
        <translation>«%1» ser likt ut som den eksisterende SIP-profilen «%2»; velg et navn som er lett å skille fra det.</translation>
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
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Ingen svar</translation>
    </message>
    <message>
        <source>OK %1 ms</source>
        <translation>OK %1 ms</translation>
    </message>
    <message>
        <source>Not checked yet: Check the trunk in the profile&apos;s details.</source>
        <translation>Ikke kontrollert ennå: bruk «Kontroller trunken» i detaljene for profilen.</translation>
    </message>
    <message>
        <source>%1 of %2 servers answered OK; checked %3</source>
        <translation>%1 av %2 servere svarte OK; kontrollert %3</translation>
    </message>
    <message>
        <source>The latest check of the trunk: SIP OPTIONS to the PBX (IP authentication) and to the provider&apos;s servers</source>
        <translation>Den siste kontrollen av trunken: SIP OPTIONS til PBX-en (IP-autentisering) og til leverandørens servere</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>%1 (bundles lapsed)</source>
        <translation>%1 (pakker falt bort)</translation>
    </message>
    <message>
        <source>%1 (bundles cancelled)</source>
        <translation>%1 (pakker sagt opp)</translation>
    </message>
</context>
<context>
    <name>sb::ProtectedFiles</name>
    <message>
        <source>%1 is the key file of the sealed passwords; choose another file.</source>
        <translation>%1 er nøkkelfilen for de forseglede passordene; velg en annen fil.</translation>
    </message>
    <message>
        <source>%1 is the open database or one of its files; choose another file.</source>
        <translation>%1 er den åpne databasen eller en av filene dens; velg en annen fil.</translation>
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
    <message>
        <source>The cryptographic library (libsodium) could not start.</source>
        <translation>Krypteringsbiblioteket (libsodium) kunne ikke starte.</translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1) or does not belong here: it was altered, sealed with another key, or copied from elsewhere.</source>
        <translation>Den lagrede hemmeligheten passer ikke til den hemmelige nøkkelen (%1) eller hører ikke hjemme her: den er endret, forseglet med en annen nøkkel eller kopiert fra et annet sted.</translation>
    </message>
    <message>
        <source>The secret key file %1 is missing, yet this database holds passwords sealed with it: a new key would leave them unreadable. Put the key file back (from a backup) before storing another password.</source>
        <translation>Den hemmelige nøkkelfilen %1 mangler, men denne databasen har passord forseglet med den: en ny nøkkel ville gjort dem uleselige. Legg nøkkelfilen tilbake (fra en sikkerhetskopi) før du lagrer et nytt passord.</translation>
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
    <name>sb::SipProbe</name>
    <message>
        <source>The name %1 was not resolved in time.</source>
        <translation>Navnet %1 ble ikke slått opp i tide.</translation>
    </message>
    <message>
        <source>The port %1 is not from 1 to 65535.</source>
        <translation>Porten %1 er ikke mellom 1 og 65535.</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved: %2</source>
        <translation>Navnet %1 kan ikke slås opp: %2</translation>
    </message>
    <message>
        <source>The name %1 has no address.</source>
        <translation>Navnet %1 har ingen adresse.</translation>
    </message>
    <message>
        <source>No UDP port could be opened: %1</source>
        <translation>Ingen UDP-port kunne åpnes: %1</translation>
    </message>
</context>
<context>
    <name>sb::SmtpClient</name>
    <message>
        <source>A message is already being sent; wait for it.</source>
        <translation>En melding sendes allerede; vent til den er ferdig.</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>Meldingen ble ikke sendt.</translation>
    </message>
    <message>
        <source>The mail server %1 does not speak SMTP: it answered &quot;%2&quot;.</source>
        <translation>E-postserveren %1 snakker ikke SMTP: den svarte «%2».</translation>
    </message>
    <message>
        <source>The mail server %1 does not take messages now: %2 %3</source>
        <translation>E-postserveren %1 tar ikke imot meldinger nå: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the greeting: %2 %3</source>
        <translation>E-postserveren %1 avviste hilsenen: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused STARTTLS: %2 %3</source>
        <translation>E-postserveren %1 avviste STARTTLS: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the login of %2: %3 %4</source>
        <translation>E-postserveren %1 avviste påloggingen for %2: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the sender %2: %3 %4</source>
        <translation>E-postserveren %1 avviste avsenderen %2: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the recipient %2: %3 %4</source>
        <translation>E-postserveren %1 avviste mottakeren %2: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the message: %2 %3</source>
        <translation>E-postserveren %1 avviste meldingen: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS: choose TLS (usually port 465) or another server; the password is never sent unencrypted.</source>
        <translation>E-postserveren %1 tilbyr ikke STARTTLS: velg TLS (vanligvis port 465) eller en annen server; passordet sendes aldri ukryptert.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login, but a user is set: clear the user, or check the server and its security.</source>
        <translation>E-postserveren %1 tilbyr ingen pålogging, men en bruker er angitt: fjern brukeren, eller kontroller serveren og sikkerhetsvalget.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login Switchboard knows (PLAIN or LOGIN), only: %2.</source>
        <translation>E-postserveren %1 tilbyr ingen påloggingsmetode som Switchboard kjenner (PLAIN eller LOGIN), bare: %2.</translation>
    </message>
    <message>
        <source>The certificate of the mail server %1 cannot be trusted: %2</source>
        <translation>Sertifikatet til e-postserveren %1 er ikke pålitelig: %2</translation>
    </message>
    <message>
        <source>The mail server %1 refused the connection: nothing answers on that port.</source>
        <translation>E-postserveren %1 avviste tilkoblingen: ingenting svarer på den porten.</translation>
    </message>
    <message>
        <source>The mail server %1 was not found: check its name.</source>
        <translation>Fant ikke e-postserveren %1: kontroller navnet.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 failed: %2</source>
        <translation>Tilkoblingen til e-postserveren %1 mislyktes: %2</translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection before the message was accepted.</source>
        <translation>E-postserveren %1 lukket tilkoblingen før meldingen var godtatt.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 failed.</source>
        <translation>Tilkoblingen til e-postserveren %1 mislyktes.</translation>
    </message>
    <message>
        <source>The mail server %1 did not answer the connection within %2 s.</source>
        <translation>E-postserveren %1 svarte ikke på tilkoblingen innen %2 s.</translation>
    </message>
    <message>
        <source>The mail server %1 stopped answering: no reply within %2 s.</source>
        <translation>E-postserveren %1 sluttet å svare: ingen svar innen %2 s.</translation>
    </message>
</context>
<context>
    <name>sb::SpendingChartModel</name>
    <message>
        <source>Numbers</source>
        <translation>Numre</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Pakker</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtaler</translation>
    </message>
    <message numerus="yes">
        <source>%n other department(s)</source>
        <translation>
            <numerusform>%n annen avdeling</numerusform>
            <numerusform>%n andre avdelinger</numerusform>
        </translation>
    </message>
    <message>
        <source>No department</source>
        <translation>Ingen avdeling</translation>
    </message>
</context>
<context>
    <name>sb::Statement</name>
    <message>
        <source>%1 values for %2 parameters.</source>
        <translation>%1 verdier for %2 parametere.</translation>
    </message>
</context>
<context>
    <name>sb::StatementCsv</name>
    <message>
        <source>Cannot write the statement: %1</source>
        <translation>Kan ikke skrive kontoutskriften: %1</translation>
    </message>
</context>
<context>
    <name>sb::StatementDocument</name>
    <message>
        <source>Top-up</source>
        <translation>Påfyll</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Tildeling</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Automatisk påfyll</translation>
    </message>
    <message>
        <source>Credit returned</source>
        <translation>Kreditt returnert</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numre</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Pakker</translation>
    </message>
    <message>
        <source>Bundle refunds</source>
        <translation>Refusjon for pakker</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Belastninger</translation>
    </message>
    <message>
        <source>Monthly statement, %1</source>
        <extracomment>%1 is the month and its year, &quot;November 2026&quot;</extracomment>
        <translation>Månedlig kontoutskrift, %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Avdeling</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Inngående</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Inn</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ut</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Utgående</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Brukt</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Company balance: %1 at the start of the month, %2 at its end (UTC).</source>
        <translation>Firmasaldo: %1 ved månedens start, %2 ved slutten (UTC).</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Saldoer</translation>
    </message>
    <message>
        <source>Spending by department</source>
        <translation>Forbruk per avdeling</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(ingen avdeling)</translation>
    </message>
    <message>
        <source>Spending by SIP profile</source>
        <translation>Forbruk per SIP-profil</translation>
    </message>
    <message>
        <source>Spending by member</source>
        <translation>Forbruk per medlem</translation>
    </message>
    <message>
        <source>Top-ups and allocations</source>
        <translation>Påfyll og tildelinger</translation>
    </message>
    <message>
        <source>None this month.</source>
        <translation>Ingen denne måneden.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tidspunkt (UTC)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>To or from</source>
        <translation>Til eller fra</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summer</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Anbefalinger</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for the busiest hour (%1 erlangs at 1% blocking); it has %2</source>
        <translation>
            <numerusform>%n kanal for den travleste timen (%1 erlang ved 1 % blokkering); den har %2</numerusform>
            <numerusform>%n kanaler for den travleste timen (%1 erlang ved 1 % blokkering); den har %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s), saving %1 a month; it has %2</source>
        <translation>
            <numerusform>%n USA-minuttpakke, sparer %1 i måneden; den har %2</numerusform>
            <numerusform>%n USA-minuttpakker, sparer %1 i måneden; den har %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Every SIP profile has the channels and bundles its calls need.</source>
        <translation>Alle SIP-profiler har de kanalene og pakkene samtalene deres trenger.</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>SIP-profil</translation>
    </message>
</context>
<context>
    <name>sb::Transaction</name>
    <message>
        <source>No transaction is open.</source>
        <translation>Ingen transaksjon er åpen.</translation>
    </message>
    <message>
        <source>A transaction is already open on this connection.</source>
        <translation>En transaksjon er allerede åpen på denne tilkoblingen.</translation>
    </message>
</context>
<context>
    <name>sb::UserText</name>
    <message>
        <source>The search is %1 characters long; a search may have at most %2.</source>
        <translation>Søket er %1 tegn langt; et søk kan ha høyst %2 tegn.</translation>
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
        <source>Added %1; company balance %2 %3</source>
        <translation>La til %1; firmasaldo %2 %3</translation>
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
        <source>--limit: &quot;%1&quot; is not a number from 1 to 100000.</source>
        <translation>--limit: «%1» er ikke et tall fra 1 til 100000.</translation>
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
        <source>Allocated %1 to %2; its balance is %3.</source>
        <translation>Tildelte %1 til %2; saldoen er nå %3.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1: «%2» er ikke et heltall.</translation>
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
        <source>Unknown profile command &apos;%1&apos;.</source>
        <translation>Ukjent profile-kommando «%1».</translation>
    </message>
    <message numerus="yes">
        <source>Outgoing calls: %n channel(s), %1 a month; paid until %2%3</source>
        <translation>
            <numerusform>Utgående samtaler: %n kanal, %1 per måned; betalt til %2%3</numerusform>
            <numerusform>Utgående samtaler: %n kanaler, %1 per måned; betalt til %2%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run, nothing was written. Members that would be added: %1; lines with problems: %2.</source>
        <translation>Prøvekjøring, ingenting ble skrevet. Medlemmer som ville blitt lagt til: %1; linjer med problemer: %2.</translation>
    </message>
    <message>
        <source>Billing run done. Numbers renewed: %1 (paid %2), released: %3, expired unpaid: %4. Monthly recharge limits reset: %5, suspensions ended: %6, recharged: %7.</source>
        <translation>Faktureringen er ferdig. Numre fornyet: %1 (betalt %2), frigitt: %3, utløpt ubetalt: %4. Månedlige påfyllsgrenser nullstilt: %5, stansinger opphevet: %6, fylt på: %7.</translation>
    </message>
    <message numerus="yes">
        <source>%1	%2	%n available</source>
        <translation>
            <numerusform>%1	%2	%n ledig</numerusform>
            <numerusform>%1	%2	%n ledige</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting %1 would: return to the company balance: %2; put numbers back in the pool: %3; unlink accounts: %4; delete call records: %5. Add --yes to delete.</source>
        <translation>Sletting av %1 vil: gi tilbake til firmasaldoen: %2; legge numre tilbake i beholdningen: %3; koble fra kontoer: %4; slette samtaleposter: %5. Legg til --yes for å slette.</translation>
    </message>
    <message>
        <source>Deleted %1. Returned to the company balance: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5.</source>
        <translation>Slettet %1. Tilbake til firmasaldoen: %2; numre tilbake i beholdningen: %3; kontoer koblet fra: %4; samtaleposter slettet: %5.</translation>
    </message>
    <message>
        <source>Usage: activity [--limit N] [--lang en|nb|fr|nl|pl]</source>
        <translation>Bruk: activity [--limit N] [--lang en|nb|fr|nl|pl]</translation>
    </message>
    <message>
        <source>--lang: &quot;%1&quot; is not one of en, nb, fr, nl, pl.</source>
        <translation>--lang: «%1» er ikke en av en, nb, fr, nl, pl.</translation>
    </message>
    <message>
        <source>How many entries, from 1 to 100000 (20 by default).</source>
        <translation>Hvor mange oppføringer, fra 1 til 100000 (20 som standard).</translation>
    </message>
    <message>
        <source>The language of the sentences: en (default), nb, fr, nl or pl.</source>
        <translation>Språket for setningene: en (standard), nb, fr, nl eller pl.</translation>
    </message>
    <message>
        <source>The audit log, newest first.</source>
        <translation>Revisjonsloggen, nyeste først.</translation>
    </message>
    <message>
        <source>What each recharge adds.</source>
        <translation>Beløpet hvert påfyll legger til.</translation>
    </message>
    <message>
        <source>Recharge when the member&apos;s balance falls below this.</source>
        <translation>Fyll på når saldoen til medlemmet faller under dette beløpet.</translation>
    </message>
    <message>
        <source>At most this much recharged in a calendar month.</source>
        <translation>Høyst så mye fylles på i løpet av en kalendermåned.</translation>
    </message>
    <message>
        <source>A member&apos;s automatic recharge from the company balance.</source>
        <translation>Automatisk påfyll for et medlem fra firmasaldoen.</translation>
    </message>
    <message>
        <source>The company balance.</source>
        <translation>Firmasaldoen.</translation>
    </message>
    <message>
        <source>Renewals, expiries and monthly resets due by now.</source>
        <translation>Fornyelser, utløp og månedlige nullstillinger som har forfalt.</translation>
    </message>
    <message>
        <source>Usage: switchboardctl [GLOBAL OPTIONS] %1 ...</source>
        <translation>Bruk: switchboardctl [GLOBAL OPTIONS] %1 ...</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Alternativer:</translation>
    </message>
    <message>
        <source>Global options and exit status: switchboardctl --help</source>
        <translation>Globale alternativer og avslutningsstatus: switchboardctl --help</translation>
    </message>
    <message>
        <source>Company credit to members or to a SIP profile.</source>
        <translation>Firmakreditt til medlemmer eller til en SIP-profil.</translation>
    </message>
    <message>
        <source>credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT to each member; all or nothing</source>
        <translation>credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT til hvert medlem; alt eller ingenting</translation>
    </message>
    <message>
        <source>credit profile NAME AMOUNT                  company credit to a SIP profile</source>
        <translation>credit profile NAME AMOUNT                  firmakreditt til en SIP-profil</translation>
    </message>
    <message>
        <source>The same seed generates the same data.</source>
        <translation>Samme startverdi gir de samme dataene.</translation>
    </message>
    <message>
        <source>Fill the database with realistic generated data.</source>
        <translation>Fyll databasen med realistiske genererte data.</translation>
    </message>
    <message>
        <source>Create or upgrade the database.</source>
        <translation>Opprett eller oppgrader databasen.</translation>
    </message>
    <message>
        <source>The member&apos;s full name (add).</source>
        <translation>Medlemmets fulle navn (add).</translation>
    </message>
    <message>
        <source>The member&apos;s e-mail address (add).</source>
        <translation>Medlemmets e-postadresse (add).</translation>
    </message>
    <message>
        <source>The member&apos;s department (add).</source>
        <translation>Medlemmets avdeling (add).</translation>
    </message>
    <message>
        <source>Only members whose account, name, e-mail or department contains TEXT, in any case (list).</source>
        <translation>Bare medlemmer der konto, navn, e-post eller avdeling inneholder TEXT, uavhengig av store og små bokstaver (list).</translation>
    </message>
    <message>
        <source>List every problem of the file and write nothing (import).</source>
        <translation>Vis alle problemer i filen uten å skrive noe (import).</translation>
    </message>
    <message>
        <source>member list [--search TEXT]                 every member</source>
        <translation>member list [--search TEXT]                 alle medlemmer</translation>
    </message>
    <message>
        <source>member show ACCOUNT                         one member</source>
        <translation>member show ACCOUNT                         ett medlem</translation>
    </message>
    <message>
        <source>member import FILE.csv [--dry-run]          all or nothing; the dry run lists every problem</source>
        <translation>member import FILE.csv [--dry-run]          alt eller ingenting; prøvekjøringen viser alle problemer</translation>
    </message>
    <message>
        <source>member export FILE.csv                      a CSV that member import reads back unchanged</source>
        <translation>member export FILE.csv                      en CSV-fil som member import leser inn igjen uendret</translation>
    </message>
    <message>
        <source>The billing period: 1, 3 or 12 (buy).</source>
        <translation>Faktureringsperioden: 1, 3 eller 12 (buy).</translation>
    </message>
    <message>
        <source>The member who holds the number (buy, assign).</source>
        <translation>Medlemmet som er innehaver av nummeret (buy, assign).</translation>
    </message>
    <message>
        <source>The SIP profile that holds the number (buy, assign).</source>
        <translation>SIP-profilen som er innehaver av nummeret (buy, assign).</translation>
    </message>
    <message>
        <source>Accept the country&apos;s terms where it has them (buy).</source>
        <translation>Godta landets vilkår der det har slike (buy).</translation>
    </message>
    <message>
        <source>Only numbers matching TEXT (list).</source>
        <translation>Bare numre som samsvarer med TEXT (list).</translation>
    </message>
    <message>
        <source>Only numbers of this country (list).</source>
        <translation>Bare numre i dette landet (list).</translation>
    </message>
    <message>
        <source>Phone numbers: where to buy them, buying, assigning, cancelling and listing.</source>
        <translation>Telefonnumre: hvor de kan kjøpes, kjøp, tildeling, oppsigelse og oversikt.</translation>
    </message>
    <message>
        <source>number countries                            where numbers can be bought</source>
        <translation>number countries                            land der numre kan kjøpes</translation>
    </message>
    <message>
        <source>number areas COUNTRY                        area codes with place names and numbers left</source>
        <translation>number areas COUNTRY                        retningsnumre med stedsnavn og ledige numre</translation>
    </message>
    <message>
        <source>number prices COUNTRY                       price per billing period (1, 3, 12 months)</source>
        <translation>number prices COUNTRY                       pris per faktureringsperiode (1, 3, 12 måneder)</translation>
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
        <translation>number cancel E164                          kan brukes til slutten av perioden, ingen refusjon</translation>
    </message>
    <message>
        <source>number list [--search TEXT] [--country CC]  every number the company has or had</source>
        <translation>number list [--search TEXT] [--country CC]  alle numre firmaet har eller har hatt</translation>
    </message>
    <message>
        <source>IP authentication: the PBX&apos;s public address (create).</source>
        <translation>IP-autentisering: den offentlige adressen til PBX-en (create).</translation>
    </message>
    <message>
        <source>The PBX&apos;s UDP port, with --ip (create).</source>
        <translation>UDP-porten til PBX-en, sammen med --ip (create).</translation>
    </message>
    <message>
        <source>Simultaneous outgoing calls (create).</source>
        <translation>Samtidige utgående samtaler (create).</translation>
    </message>
    <message>
        <source>The profile&apos;s department (create).</source>
        <translation>Profilens avdeling (create).</translation>
    </message>
    <message>
        <source>Where the profile&apos;s credentials go (create).</source>
        <translation>Hvor påloggingsopplysningene til profilen sendes (create).</translation>
    </message>
    <message>
        <source>The PBX: only &quot;asterisk&quot; (PJSIP) for now (pbx-config).</source>
        <translation>PBX-en: foreløpig bare «asterisk» (PJSIP) (pbx-config).</translation>
    </message>
    <message>
        <source>The member&apos;s extension on the PBX (link).</source>
        <translation>Medlemmets internnummer på PBX-en (link).</translation>
    </message>
    <message>
        <source>Really delete; without it, delete only says what it would do.</source>
        <translation>Slett faktisk; uten dette sier delete bare hva som ville skjedd.</translation>
    </message>
    <message>
        <source>Save the profile&apos;s call records to this CSV first (delete).</source>
        <translation>Lagre først samtalepostene til profilen i denne CSV-filen (delete).</translation>
    </message>
    <message>
        <source>SIP profiles: a company PBX&apos;s trunk with its channels, accounts and numbers.</source>
        <translation>SIP-profiler: en trunk for en PBX i firmaet, med kanaler, kontoer og numre.</translation>
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
        <translation>profile credentials NAME                    SIP-brukernavn, passord og servere</translation>
    </message>
    <message>
        <source>profile pbx-config NAME [--format asterisk] ready-to-paste PBX configuration</source>
        <translation>profile pbx-config NAME [--format asterisk] ferdig PBX-oppsett å lime inn</translation>
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
        <translation>Fakturaen eller betalingen påfyllet hører til, for regnskapet.</translation>
    </message>
    <message>
        <source>Add bought credit to the company balance.</source>
        <translation>Legg kjøpt kreditt til firmasaldoen.</translation>
    </message>
    <message>
        <source>US minute bundles renewed: %1 (paid %2 from the profiles&apos; balances), lapsed: %3.</source>
        <translation>USA-minuttpakker fornyet: %1 (betalt %2 fra profilenes saldo), falt bort: %3.</translation>
    </message>
    <message>
        <source>US minute bundles of a SIP profile: 5000 minutes a month each, paid from the profile&apos;s balance, never more than its channels.</source>
        <translation>USA-minuttpakker for en SIP-profil: 5000 minutter i måneden per pakke, betalt fra profilens saldo, aldri flere enn kanalene.</translation>
    </message>
    <message>
        <source>bundle add PROFILE COUNT      buy bundles for a profile without any</source>
        <translation>bundle add PROFILE COUNT      kjøp pakker til en profil som ikke har noen</translation>
    </message>
    <message>
        <source>bundle change PROFILE COUNT   refund the unused minutes, buy COUNT at today&apos;s price</source>
        <translation>bundle change PROFILE COUNT   refunder de ubrukte minuttene, kjøp COUNT til dagens pris</translation>
    </message>
    <message>
        <source>bundle cancel PROFILE         no renewal; usable until the period&apos;s end</source>
        <translation>bundle cancel PROFILE         ingen fornyelse; kan brukes til slutten av perioden</translation>
    </message>
    <message>
        <source>bundle extend PROFILE         pay the next month now (within 30 days of its end)</source>
        <translation>bundle extend PROFILE         betal neste måned nå (innen 30 dager før slutten)</translation>
    </message>
    <message>
        <source>Usage: bundle add|change|cancel|extend PROFILE [COUNT]</source>
        <translation>Bruk: bundle add|change|cancel|extend PROFILE [COUNT]</translation>
    </message>
    <message>
        <source>Unknown bundle command &apos;%1&apos;.</source>
        <translation>Ukjent bundle-kommando «%1».</translation>
    </message>
    <message>
        <source>Usage: bundle %1 PROFILE COUNT</source>
        <translation>Bruk: bundle %1 PROFILE COUNT</translation>
    </message>
    <message>
        <source>Usage: bundle %1 PROFILE</source>
        <translation>Bruk: bundle %1 PROFILE</translation>
    </message>
    <message>
        <source>bundles: &quot;%1&quot; is not a whole number.</source>
        <translation>bundles: «%1» er ikke et heltall.</translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1: paid %2; the period ends %3.</source>
        <translation>
            <numerusform>%n USA-minuttpakke for %1: betalte %2; perioden slutter %3.</numerusform>
            <numerusform>%n USA-minuttpakker for %1: betalte %2; perioden slutter %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1: refunded %2 for unused minutes, paid %3; the period ends %4.</source>
        <translation>
            <numerusform>%n USA-minuttpakke for %1: refunderte %2 for ubrukte minutter, betalte %3; perioden slutter %4.</numerusform>
            <numerusform>%n USA-minuttpakker for %1: refunderte %2 for ubrukte minutter, betalte %3; perioden slutter %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are cancelled; usable until %2.</source>
        <translation>USA-minuttpakkene til %1 er sagt opp; de kan brukes til %2.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are extended: paid %2; next payment %3.</source>
        <translation>USA-minuttpakkene til %1 er utvidet: betalte %2; neste betaling %3.</translation>
    </message>
    <message>
        <source>asterisk (Master.csv) or freeswitch (mod_cdr_csv, template &quot;example&quot;); found from the file when not given.</source>
        <translation>asterisk (Master.csv) eller freeswitch (mod_cdr_csv, malen «example»); gjenkjennes fra filen når det ikke er angitt.</translation>
    </message>
    <message>
        <source>The IANA time zone of the file&apos;s times (import; UTC by default) or of --from and --to (list; this computer&apos;s by default).</source>
        <translation>IANA-tidssonen for tidspunktene i filen (import; UTC som standard) eller for --from og --to (list; tidssonen til denne datamaskinen som standard).</translation>
    </message>
    <message>
        <source>Only the calls this SIP profile paid.</source>
        <translation>Bare samtalene denne SIP-profilen betalte.</translation>
    </message>
    <message>
        <source>Only the calls this member paid.</source>
        <translation>Bare samtalene dette medlemmet betalte.</translation>
    </message>
    <message>
        <source>The first day (YYYY-MM-DD), included.</source>
        <translation>Første dag (YYYY-MM-DD), medregnet.</translation>
    </message>
    <message>
        <source>The last day (YYYY-MM-DD), included.</source>
        <translation>Siste dag (YYYY-MM-DD), medregnet.</translation>
    </message>
    <message>
        <source>Write every matching call to this CSV file instead (--limit does not apply).</source>
        <translation>Skriv i stedet alle samsvarende samtaler til denne CSV-filen (--limit gjelder ikke).</translation>
    </message>
    <message>
        <source>Only calls whose source or destination contains this number.</source>
        <translation>Bare samtaler der fra- eller tilnummeret inneholder dette nummeret.</translation>
    </message>
    <message>
        <source>How many calls, newest first, from 1 to 1000000 (1000 by default).</source>
        <translation>Hvor mange samtaler, nyeste først, fra 1 til 1000000 (1000 som standard).</translation>
    </message>
    <message>
        <source>The PBX&apos;s call records: import and rate them, list the call history.</source>
        <translation>PBX-ens samtaleposter: importere dem og beregne prisen, vise samtalehistorikken.</translation>
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
        <translation>Bruk: calls import|list ...</translation>
    </message>
    <message>
        <source>Unknown calls command &apos;%1&apos;.</source>
        <translation>Ukjent calls-kommando «%1».</translation>
    </message>
    <message>
        <source>Usage: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</source>
        <translation>Bruk: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</translation>
    </message>
    <message>
        <source>--format: &quot;%1&quot; is not asterisk or freeswitch.</source>
        <translation>--format: «%1» er verken asterisk eller freeswitch.</translation>
    </message>
    <message>
        <source>--time-zone: &quot;%1&quot; is not an IANA time zone such as Europe/Oslo or America/New_York.</source>
        <translation>--time-zone: «%1» er ikke en IANA-tidssone som Europe/Oslo eller America/New_York.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s) with problems.</source>
        <translation>
            <numerusform>… og %n linje til med problemer.</numerusform>
            <numerusform>… og %n linjer til med problemer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unknown account code &quot;%1&quot;: %n record(s), the first on line %2.</source>
        <translation>
            <numerusform>Ukjent kontokode «%1»: %n post, på linje %2.</numerusform>
            <numerusform>Ukjent kontokode «%1»: %n poster, den første på linje %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2 was not charged: %3</source>
        <translation>linje %1: %2 ble ikke belastet: %3</translation>
    </message>
    <message>
        <source>Imported calls: %1; duplicates skipped: %2; lines with problems: %3; calls charged: %5, %4 in all.</source>
        <translation>Importerte samtaler: %1; duplikater hoppet over: %2; linjer med problemer: %3. Belastet %4 (samtaler belastet: %5).</translation>
    </message>
    <message>
        <source>Usage: calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</source>
        <translation>Bruk: calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</translation>
    </message>
    <message>
        <source>Give --profile or --member, not both.</source>
        <translation>Oppgi --profile eller --member, ikke begge.</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation>--%1: «%2» er ikke en dato (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2).</source>
        <translation>--to (%1) er før --from (%2).</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 1000000.</source>
        <translation>--limit: «%1» er ikke et tall fra 1 til 1000000.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n call(s) to %1.</source>
        <translation>
            <numerusform>Eksporterte %n samtale til %1.</numerusform>
            <numerusform>Eksporterte %n samtaler til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>How many members, 0 to %1 (200 if not given).</source>
        <translation>Hvor mange medlemmer, 0 til %1 (200 hvis ikke angitt).</translation>
    </message>
    <message>
        <source>How many SIP profiles with channels, 0 to %1.</source>
        <translation>Hvor mange SIP-profiler med kanaler, 0 til %1.</translation>
    </message>
    <message>
        <source>How many numbers across the catalogue, for members and profiles (at most what the catalogue has free).</source>
        <translation>Hvor mange numre fra hele katalogen, til medlemmer og profiler (høyst det katalogen har ledig).</translation>
    </message>
    <message>
        <source>How many call records over the last three months, rated and charged like an imported Master.csv.</source>
        <translation>Hvor mange samtaleposter for de siste tre månedene, priset og belastet som en importert Master.csv.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 0 to %3.</source>
        <translation>%1: «%2» er ikke et tall fra 0 til %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n SIP profile(s); channels: %1, numbers: %2.</source>
        <translation>
            <numerusform>%n SIP-profil; kanaler: %1, numre: %2.</numerusform>
            <numerusform>%n SIP-profiler; kanaler: %1, numre: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue had only %1 free numbers of the %2 asked for.</source>
        <translation>Katalogen hadde bare %1 ledige av de %2 numrene som ble bedt om.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) imported; charged calls: %1, %2 in all; payers left owing: %3, %4 together.</source>
        <translation>
            <numerusform>%n samtale importert; belastede samtaler: %1, til sammen %2; betalere som skylder penger: %3, til sammen %4.</numerusform>
            <numerusform>%n samtaler importert; belastede samtaler: %1, til sammen %2; betalere som skylder penger: %3, til sammen %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>The price list in force: showing it, and importing one in its place.</source>
        <translation>Den gjeldende prislisten: vise den og importere en ny i stedet.</translation>
    </message>
    <message>
        <source>prices show                                 bundle, channel and number prices, per-minute rates</source>
        <translation>prices show                                 pakke-, kanal- og nummerpriser, minuttpriser</translation>
    </message>
    <message>
        <source>prices import FILE                          replace the price list with FILE (JSON, validated whole)</source>
        <translation>prices import FILE                          erstatt prislisten med FILE (JSON, valideres i sin helhet)</translation>
    </message>
    <message>
        <source>Usage: prices show|import ...</source>
        <translation>Bruk: prices show|import ...</translation>
    </message>
    <message>
        <source>Unknown prices command &apos;%1&apos;.</source>
        <translation>Ukjent prices-kommando «%1».</translation>
    </message>
    <message>
        <source>Usage: prices show</source>
        <translation>Bruk: prices show</translation>
    </message>
    <message>
        <source>Price list in force: imported</source>
        <translation>Gjeldende prisliste: importert</translation>
    </message>
    <message>
        <source>Price list in force: built-in</source>
        <translation>Gjeldende prisliste: innebygd</translation>
    </message>
    <message>
        <source>US minute bundle (5000 minutes a month): %1 %2</source>
        <translation>USA-minuttpakke (5000 minutter i måneden): %1 %2</translation>
    </message>
    <message>
        <source>Channel (a month): %1 %2</source>
        <translation>Kanal (per måned): %1 %2</translation>
    </message>
    <message>
        <source>Numbers (1, 3 and 12 months):</source>
        <translation>Numre (1, 3 og 12 måneder):</translation>
    </message>
    <message>
        <source>Per-minute rates (prefix, rate, destination):</source>
        <translation>Minuttpriser (prefiks, takst, destinasjon):</translation>
    </message>
    <message>
        <source>Usage: prices import FILE</source>
        <translation>Bruk: prices import FILE</translation>
    </message>
    <message>
        <source>Imported the price list %1: number prices for %2 countries, %3 per-minute rates. It is in force now.</source>
        <translation>Importerte prislisten %1: nummerpriser for %2 land, %3 minuttpriser. Den gjelder fra nå.</translation>
    </message>
    <message>
        <source>US bundles:    none</source>
        <translation>USA-pakker:        ingen</translation>
    </message>
    <message>
        <source>US bundles:    %1 at %2 each; %3 of %4 minutes used until %5; %6</source>
        <translation>USA-pakker:        %1 à %2; %3 av %4 minutter brukt til %5; %6</translation>
    </message>
    <message>
        <source>cancelled, usable until %1</source>
        <translation>sagt opp, kan brukes til %1</translation>
    </message>
    <message>
        <source>next payment %1</source>
        <translation>neste betaling %1</translation>
    </message>
    <message>
        <source>Monthly cost:  %1 (channels %2, bundles %3)</source>
        <translation>Månedskostnad:     %1 (kanaler %2, pakker %3)</translation>
    </message>
    <message>
        <source>The member&apos;s country, two letters (add; default US): numbers it dials are read as dialled there.</source>
        <translation>Medlemmets land, to bokstaver (add; US som standard): numre medlemmet slår, tolkes som om de ble slått der.</translation>
    </message>
    <message>
        <source>Country:     %1</source>
        <translation>Land:      %1</translation>
    </message>
    <message>
        <source>The members of the account: add, list, show, country, import and export.</source>
        <translation>Medlemmene på kontoen: add, list, show, country, import og export.</translation>
    </message>
    <message>
        <source>member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</source>
        <translation>member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</translation>
    </message>
    <message>
        <source>member country ACCOUNT CC                   the country its dialled numbers are read in</source>
        <translation>member country ACCOUNT CC                   landet som numrene medlemmet slår, tolkes etter</translation>
    </message>
    <message>
        <source>Usage: member add|list|show|country|import|export ...</source>
        <translation>Bruk: member add|list|show|country|import|export ...</translation>
    </message>
    <message>
        <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</source>
        <translation>Bruk: member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</translation>
    </message>
    <message>
        <source>Usage: member country ACCOUNT CC</source>
        <translation>Bruk: member country ACCOUNT CC</translation>
    </message>
    <message>
        <source>The country of %1 is now %2.</source>
        <translation>Landet til %1 er nå %2.</translation>
    </message>
    <message>
        <source>The profile&apos;s country, two letters (create; default US): numbers its calls dial are read as dialled there.</source>
        <translation>Profilens land, to bokstaver (create; US som standard): numre som samtalene slår, tolkes som om de ble slått der.</translation>
    </message>
    <message>
        <source>Country:       %1</source>
        <translation>Land:              %1</translation>
    </message>
    <message>
        <source>profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</source>
        <translation>profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</translation>
    </message>
    <message>
        <source>profile country NAME CC                     the country its dialled numbers are read in</source>
        <translation>profile country NAME CC                     landet som numrene profilen slår, tolkes etter</translation>
    </message>
    <message>
        <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</source>
        <translation>Bruk: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</translation>
    </message>
    <message>
        <source>Usage: profile country NAME CC</source>
        <translation>Bruk: profile country NAME CC</translation>
    </message>
    <message>
        <source>The country of SIP profile %1 is now %2.</source>
        <translation>Landet til SIP-profilen %1 er nå %2.</translation>
    </message>
    <message>
        <source>Advice per SIP profile: the channels its busiest hour needs (Erlang B at 1% blocking) and the US minute bundles that would have cost least over its last three full months of calls.</source>
        <translation>Anbefaling per SIP-profil: kanalene den travleste timen trenger (Erlang B ved 1 % blokkering) og de USA-minuttpakkene som ville ha kostet minst med samtalene fra de siste tre hele månedene.</translation>
    </message>
    <message>
        <source>advice [PROFILE]                            every profile, or the one named</source>
        <translation>advice [PROFILE]                            alle profiler, eller den som er angitt</translation>
    </message>
    <message>
        <source>Usage: advice [PROFILE]</source>
        <translation>Bruk: advice [PROFILE]</translation>
    </message>
    <message>
        <source>There are no SIP profiles.</source>
        <translation>Det finnes ingen SIP-profiler.</translation>
    </message>
    <message>
        <source>  Channels: %1; the busiest hour (%2 UTC, %3 erlangs) needs %4 at 1% blocking.</source>
        <translation>  Kanaler: %1; den travleste timen (%2 UTC, %3 erlang) trenger %4 ved 1 % blokkering.</translation>
    </message>
    <message>
        <source>  Channels: %1; no call records yet.</source>
        <translation>  Kanaler: %1; ingen samtaleposter ennå.</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; not enough call records yet (no full month).</source>
        <translation>  USA-minuttpakker: %1; ikke nok samtaleposter ennå (ingen hel måned).</translation>
    </message>
    <message>
        <source>  US minute bundles: none; none would have paid off (%1 to %2).</source>
        <translation>  USA-minuttpakker: ingen; ingen ville ha lønt seg (%1 til %2).</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; keep them (%2 to %3).</source>
        <translation>  USA-minuttpakker: %1; behold dem (%2 til %3).</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; %2 would have cost least, saving %3 %4 a month (%5 to %6).</source>
        <translation>  USA-minuttpakker: %1; %2 ville ha kostet minst og spart %3 %4 i måneden (%5 til %6).</translation>
    </message>
    <message>
        <source>The calendar month (UTC), YYYY-MM.</source>
        <translation>Kalendermåneden (UTC), ÅÅÅÅ-MM.</translation>
    </message>
    <message>
        <source>Write the statement to this PDF file.</source>
        <translation>Skriv kontoutskriften til denne PDF-filen.</translation>
    </message>
    <message>
        <source>Write the statement to this CSV file.</source>
        <translation>Skriv kontoutskriften til denne CSV-filen.</translation>
    </message>
    <message>
        <source>Reports: the monthly statement as PDF or CSV.</source>
        <translation>Rapporter: den månedlige kontoutskriften som PDF eller CSV.</translation>
    </message>
    <message>
        <source>report statement --month YYYY-MM (--pdf FILE | --csv FILE)</source>
        <translation>report statement --month YYYY-MM (--pdf FILE | --csv FILE)</translation>
    </message>
    <message>
        <source>Usage: report statement --month YYYY-MM (--pdf FILE | --csv FILE)</source>
        <translation>Bruk: report statement --month YYYY-MM (--pdf FILE | --csv FILE)</translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;.</source>
        <translation>Ukjent rapport «%1».</translation>
    </message>
    <message>
        <source>Statement of %1 written to %2: company balance %3 at the start, %4 at the end; spent %5.</source>
        <translation>Kontoutskrift for %1 skrevet til %2: firmasaldo %3 ved start, %4 ved slutt; brukt %5.</translation>
    </message>
    <message>
        <source>--now: %1 is more than a year away from this computer&apos;s clock (%2); add --force-time if that is what you mean.</source>
        <translation>--now: %1 er mer enn ett år unna klokken på denne datamaskinen (%2); legg til --force-time hvis det er meningen.</translation>
    </message>
    <message>
        <source>profile send-credentials NAME               mail the credentials to the profile&apos;s e-mail</source>
        <translation>profile send-credentials NAME               send påloggingsopplysningene til profilens e-postadresse</translation>
    </message>
    <message>
        <source>profile probe NAME [--timeout-ms N]          SIP OPTIONS to the PBX and the provider&apos;s servers</source>
        <translation>profile probe NAME [--timeout-ms N]          SIP OPTIONS til PBX-en og leverandørens servere</translation>
    </message>
    <message>
        <source>Usage: profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|link|unlink|delete|probe ...</source>
        <translation>Bruk: profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|link|unlink|delete|probe ...</translation>
    </message>
    <message>
        <source>The credentials were sent to %1.</source>
        <translation>Påloggingsopplysningene ble sendt til %1.</translation>
    </message>
    <message>
        <source>The credentials were not sent: %1</source>
        <translation>Påloggingsopplysningene ble ikke sendt: %1</translation>
    </message>
    <message>
        <source>Usage: profile send-credentials NAME</source>
        <translation>Bruk: profile send-credentials NAME</translation>
    </message>
    <message>
        <source>The credentials of %1 were sent to %2.</source>
        <translation>Påloggingsopplysningene for %1 ble sendt til %2.</translation>
    </message>
    <message>
        <source>How long to wait for each server, 500 to 32000 ms (probe; default: the setting, 32000 unless changed).</source>
        <translation>Hvor lenge det skal ventes på hver server, 500 til 32000 ms (probe; standard: innstillingen, 32000 hvis den ikke er endret).</translation>
    </message>
    <message>
        <source>Checks a SIP profile&apos;s trunk: SIP OPTIONS to its PBX and the provider&apos;s servers.</source>
        <translation>Kontrollerer trunken til en SIP-profil: SIP OPTIONS til PBX-en og leverandørens servere.</translation>
    </message>
    <message>
        <source>profile probe NAME [--timeout-ms N]      SIP OPTIONS to the PBX and the provider&apos;s servers</source>
        <translation>profile probe NAME [--timeout-ms N]      SIP OPTIONS til PBX-en og leverandørens servere</translation>
    </message>
    <message>
        <source>Usage: profile probe NAME [--timeout-ms N]</source>
        <translation>Bruk: profile probe NAME [--timeout-ms N]</translation>
    </message>
    <message>
        <source>PBX:      %1</source>
        <translation>PBX:        %1</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Leverandør: %1</translation>
    </message>
    <message>
        <source>The mail server&apos;s host name (mail).</source>
        <translation>Vertsnavnet til e-postserveren (mail).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port (mail; default 587 for starttls, 465 for tls, 25 for none).</source>
        <translation>Porten til e-postserveren (mail; standard 587 for starttls, 465 for tls, 25 for none).</translation>
    </message>
    <message>
        <source>starttls, tls, or none for a server on this machine only (mail; default starttls).</source>
        <translation>starttls, tls eller none, det siste bare for en server på denne maskinen (mail; standard starttls).</translation>
    </message>
    <message>
        <source>The sender address of the messages (mail).</source>
        <translation>Avsenderadressen for meldingene (mail).</translation>
    </message>
    <message>
        <source>The user to log in as (mail); without it, no login.</source>
        <translation>Brukernavnet for pålogging (mail); uten det logges det ikke på.</translation>
    </message>
    <message>
        <source>Read the user&apos;s password from the first line of standard input (mail); without it, the stored password is kept.</source>
        <translation>Les brukerens passord fra den første linjen i standard inndata (mail); uten dette beholdes det lagrede passordet.</translation>
    </message>
    <message>
        <source>Mail server:  none</source>
        <translation>E-postserver: ingen</translation>
    </message>
    <message>
        <source>Mail server:  %1, port %2 (%3), sender %4, no login</source>
        <translation>E-postserver: %1, port %2 (%3), avsender %4, ingen pålogging</translation>
    </message>
    <message>
        <source>Mail server:  %1, port %2 (%3), sender %4, login as %5</source>
        <translation>E-postserver: %1, port %2 (%3), avsender %4, pålogging som %5</translation>
    </message>
    <message>
        <source>Settings every copy of the program shares: the provider&apos;s SIP servers and the mail server.</source>
        <translation>Innstillinger som alle kopier av programmet deler: leverandørens SIP-servere og e-postserveren.</translation>
    </message>
    <message>
        <source>settings show                               the SIP servers and the mail server</source>
        <translation>settings show                               SIP-serverne og e-postserveren</translation>
    </message>
    <message>
        <source>settings sip-servers HOST:PORT[,HOST:PORT...] the provider&apos;s SIP servers</source>
        <translation>settings sip-servers HOST:PORT[,HOST:PORT...] leverandørens SIP-servere</translation>
    </message>
    <message>
        <source>settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</source>
        <translation>settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</translation>
    </message>
    <message>
        <source>settings mail test ADDRESS                  send a test message through the mail server</source>
        <translation>settings mail test ADDRESS                  send en testmelding gjennom e-postserveren</translation>
    </message>
    <message>
        <source>settings mail clear                         forget the mail server and its password</source>
        <translation>settings mail clear                         glem e-postserveren og passordet til den</translation>
    </message>
    <message>
        <source>Usage: settings show|sip-servers|mail ...</source>
        <translation>Bruk: settings show|sip-servers|mail ...</translation>
    </message>
    <message>
        <source>Unknown settings command &apos;%1&apos;.</source>
        <translation>Ukjent settings-kommando «%1».</translation>
    </message>
    <message>
        <source>Usage: settings show</source>
        <translation>Bruk: settings show</translation>
    </message>
    <message>
        <source>SIP servers:  %1</source>
        <translation>SIP-servere:  %1</translation>
    </message>
    <message>
        <source>Usage: settings sip-servers HOST:PORT[,HOST:PORT...]</source>
        <translation>Bruk: settings sip-servers HOST:PORT[,HOST:PORT...]</translation>
    </message>
    <message>
        <source>Usage: settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</source>
        <translation>Bruk: settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</translation>
    </message>
    <message>
        <source>--password-stdin goes with --user.</source>
        <translation>--password-stdin må brukes sammen med --user.</translation>
    </message>
    <message>
        <source>--security: &quot;%1&quot; is not starttls, tls or none.</source>
        <translation>--security: «%1» er ikke starttls, tls eller none.</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation>--password-stdin: standard inndata inneholdt ikke noe passord.</translation>
    </message>
    <message>
        <source>Usage: settings mail test ADDRESS</source>
        <translation>Bruk: settings mail test ADDRESS</translation>
    </message>
    <message>
        <source>The mail server accepted a test message to %1.</source>
        <translation>E-postserveren godtok en testmelding til %1.</translation>
    </message>
    <message>
        <source>Usage: settings mail clear</source>
        <translation>Bruk: settings mail clear</translation>
    </message>
    <message>
        <source>Mix the demo data into a database that already holds an account.</source>
        <translation>Bland demodataene inn i en database som allerede har en konto.</translation>
    </message>
    <message>
        <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]</source>
        <translation>Bruk: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]</translation>
    </message>
    <message>
        <source>%1 Add --yes to mix it in all the same.</source>
        <translation>%1 Legg til --yes for å blande dem inn likevel.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n channel(s) (it had %2): paid %3, credited %4 for the unused days of the old ones, next payment on %5.</source>
        <translation>
            <numerusform>%1 har nå %n kanal (hadde %2): betalte %3, godskrev %4 for de ubrukte dagene av de gamle kanalene, neste betaling %5.</numerusform>
            <numerusform>%1 har nå %n kanaler (hadde %2): betalte %3, godskrev %4 for de ubrukte dagene av de gamle kanalene, neste betaling %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...</source>
        <translation>Bruk: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Kommandoer:</translation>
    </message>
    <message>
        <source>COMMAND --help shows a command&apos;s options.</source>
        <translation>COMMAND --help viser valgene til en kommando.</translation>
    </message>
    <message>
        <source>The database defaults to $SWITCHBOARD_DATABASE, else the window&apos;s own SQLite file.</source>
        <translation>Databasen er som standard $SWITCHBOARD_DATABASE, ellers vinduets egen SQLite-fil.</translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 refused (nothing changed), 2 usage error.</source>
        <translation>Avslutningsstatus: 0 utført, 1 avvist (ingenting endret), 2 bruksfeil.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Search by who, action, account, profile or number (Ctrl+F)</source>
        <translation>Søk: hvem, handling, konto, profil, nummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Søk i aktiviteten</translation>
    </message>
    <message>
        <source>Nothing has happened yet</source>
        <translation>Ingenting har skjedd ennå</translation>
    </message>
    <message>
        <source>Every change to the account is logged here with who made it and when: top-ups, members, numbers, SIP profiles and billing.</source>
        <translation>Hver endring i kontoen logges her med hvem som gjorde den og når: påfyll, medlemmer, numre, SIP-profiler og fakturering.</translation>
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
        <source>Cancel</source>
        <translation>Avbryt</translation>
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
        <translation>Numre medlemmet slår, tolkes som om de ble slått i dette landet (med landets nasjonale nummerformer og internasjonale prefiks).</translation>
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
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>sb::ui::AllocateProfileCreditDialog</name>
    <message>
        <source>Give credit to the SIP profile %1 (balance now %2). Its calls are paid from it.</source>
        <translation>Gi kreditt til SIP-profilen %1 (saldo nå %2). Samtalene gjennom profilen betales med denne kreditten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>«%1» er ikke et beløp. Skriv det som %2.</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2. Top up the company balance first, or give less.</source>
        <translation>Firmasaldoen (%1) dekker ikke %2. Fyll på firmasaldoen først, eller gi mindre.</translation>
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
        <source>Allocate credit to a SIP profile</source>
        <translation>Tildel kreditt til en SIP-profil</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Beløp (%1):</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>SIP-profil</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Firmasaldo</translation>
    </message>
    <message>
        <source>The amount is deducted from the company balance at once. Credit allocated to a SIP profile cannot be taken back; it returns to the company balance only if the profile is deleted.</source>
        <translation>Beløpet trekkes fra firmasaldoen med en gang. Kreditt som er tildelt en SIP-profil, kan ikke tas tilbake; den går tilbake til firmasaldoen bare hvis profilen slettes.</translation>
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
    <name>sb::ui::BundlesDialog</name>
    <message numerus="yes">
        <source>Each bundle gives %1 5000 minutes a month of calls to US mobiles and landlines, paid from the profile&apos;s own balance. It has %n channel(s): at most that many bundles.</source>
        <translation>
            <numerusform>Hver pakke gir %1 5000 minutter i måneden med samtaler til mobil- og fasttelefoner i USA, betalt fra profilens egen saldo. Profilen har %n kanal og kan derfor ha høyst én pakke.</numerusform>
            <numerusform>Hver pakke gir %1 5000 minutter i måneden med samtaler til mobil- og fasttelefoner i USA, betalt fra profilens egen saldo. Profilen har %n kanaler og kan derfor ha høyst like mange pakker.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n bundle(s) at %2 each, %3 of %4 minutes used this period. The current bundles are cancelled and their unused minutes refunded to the profile&apos;s balance; the new count is bought at today&apos;s price.</source>
        <translation>
            <numerusform>%1 har %n pakke à %2, og %3 av %4 minutter er brukt i denne perioden. Den nåværende pakken sies opp, og de ubrukte minuttene refunderes til profilsaldoen; det nye antallet kjøpes til dagens pris.</numerusform>
            <numerusform>%1 har %n pakker à %2, og %3 av %4 minutter er brukt i denne perioden. De nåværende pakkene sies opp, og de ubrukte minuttene refunderes til profilsaldoen; det nye antallet kjøpes til dagens pris.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s): %1 a month, paid now; renewed on %2</source>
        <translation>
            <numerusform>%n pakke: %1 per måned, betales nå; fornyes %2</numerusform>
            <numerusform>%n pakker: %1 per måned, betales nå; fornyes %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund for %1 unused minutes: %2. New cost: %3 a month.</source>
        <translation>Refusjon for %1 ubrukte minutter: %2. Ny kostnad: %3 per måned.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n bundle(s): choose another count.</source>
        <translation>
            <numerusform>%1 har allerede %n pakke: velg et annet antall.</numerusform>
            <numerusform>%1 har allerede %n pakker: velg et annet antall.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %3 for %n bundle(s). Allocate credit to the profile first.</source>
        <translation>
            <numerusform>Saldoen til %1 (%2) kan ikke betale %3 for %n pakke. Tildel kreditt til profilen først.</numerusform>
            <numerusform>Saldoen til %1 (%2) kan ikke betale %3 for %n pakker. Tildel kreditt til profilen først.</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile balance: %1.</source>
        <translation>Profilsaldo: %1.</translation>
    </message>
    <message>
        <source>Profile balance: %1, after buying: %2.</source>
        <translation>Profilsaldo: %1, etter kjøpet: %2.</translation>
    </message>
    <message>
        <source>Add US minute bundles</source>
        <translation>Legg til USA-minuttpakker</translation>
    </message>
    <message>
        <source>Change US minute bundles</source>
        <translation>Endre USA-minuttpakker</translation>
    </message>
    <message>
        <source>&amp;Bundles (1–%1):</source>
        <translation>&amp;Pakker (1–%1):</translation>
    </message>
    <message>
        <source>Number of bundles</source>
        <translation>Antall pakker</translation>
    </message>
    <message>
        <source>About the bundles</source>
        <translation>Om pakkene</translation>
    </message>
    <message>
        <source>Bu&amp;y now</source>
        <translation>&amp;Kjøp nå</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>Kjøp nå</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Advice: not enough call records yet (it needs a full month of calls).</source>
        <translation>Anbefaling: ikke nok samtaleposter ennå (det trengs en hel måned med samtaler).</translation>
    </message>
    <message>
        <source>Advice: no bundles; they would not have paid off.</source>
        <translation>Anbefaling: ingen pakker; de ville ikke ha lønt seg.</translation>
    </message>
    <message numerus="yes">
        <source>Advice: keep %n bundle(s)</source>
        <translation>
            <numerusform>Anbefaling: behold %n pakke</numerusform>
            <numerusform>Anbefaling: behold %n pakker</numerusform>
        </translation>
    </message>
    <message>
        <source>Advice: no bundles, saves %1 a month</source>
        <translation>Anbefaling: ingen pakker, sparer %1 i måneden</translation>
    </message>
    <message numerus="yes">
        <source>Advice: %n bundle(s), saves %1 a month</source>
        <translation>
            <numerusform>Anbefaling: %n pakke, sparer %1 i måneden</numerusform>
            <numerusform>Anbefaling: %n pakker, sparer %1 i måneden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From the US minutes of the last %n full month(s) with calls (%1 to %2) at today&apos;s prices.</source>
        <translation>
            <numerusform>Ut fra USA-minuttene i den siste hele måneden med samtaler (%1 til %2) til dagens priser.</numerusform>
            <numerusform>Ut fra USA-minuttene i de siste %n hele månedene med samtaler (%1 til %2) til dagens priser.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::BuyNumbersWizard</name>
    <message>
        <source>SIP profile %1</source>
        <translation>SIP-profil %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 is already in the list: each gets one number.</source>
        <translation>%1 står allerede på listen: hver får ett nummer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 og %n til</numerusform>
            <numerusform>%1 og %n til</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One number for each of %n holder(s): %1</source>
        <translation>
            <numerusform>Ett nummer til %n innehaver: %1</numerusform>
            <numerusform>Ett nummer til hver av %n innehavere: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept terms (for example a local address in %1). You will be asked to accept them before buying.</source>
        <translation>Numre i %1 krever at innehaveren godtar vilkår (for eksempel en lokal adresse i %1). Vilkårene må godtas før kjøpet.</translation>
    </message>
    <message>
        <source>Numbers in %1: no extra terms apply.</source>
        <translation>Numre i %1: ingen ekstra vilkår gjelder.</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n måned: %1</numerusform>
            <numerusform>%n måneder: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices per number: %1.</source>
        <translation>Priser per nummer: %1.</translation>
    </message>
    <message>
        <source>%1 — %2: no numbers left</source>
        <translation>%1 — %2: ingen ledige numre</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: only %n number(s) left</source>
        <translation>
            <numerusform>%1 — %2: bare %n ledig nummer</numerusform>
            <numerusform>%1 — %2: bare %n ledige numre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n number(s) available</source>
        <translation>
            <numerusform>%1 — %2: %n ledig nummer</numerusform>
            <numerusform>%1 — %2: %n ledige numre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No area of %1 has %n number(s) left. Choose another country.</source>
        <translation>
            <numerusform>Ingen retningsnumre i %1 har %n ledig nummer. Velg et annet land.</numerusform>
            <numerusform>Ingen retningsnumre i %1 har %n ledige numre. Velg et annet land.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1 per number</source>
        <translation>
            <numerusform>%n måned: %1 per nummer</numerusform>
            <numerusform>%n måneder: %1 per nummer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%2 × %n number(s)), paid now from the company balance</source>
        <translation>
            <numerusform>Sum: %1 (%2 × %n nummer), betales nå fra firmasaldoen</numerusform>
            <numerusform>Sum: %1 (%2 × %n numre), betales nå fra firmasaldoen</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after buying: %2.</source>
        <translation>Firmasaldo: %1, etter kjøpet: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Firmasaldo: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %2 for %n number(s). Top up the company balance first, or choose a shorter period.</source>
        <translation>
            <numerusform>Firmasaldoen (%1) kan ikke betale %2 for %n nummer. Fyll på firmasaldoen først, eller velg en kortere periode.</numerusform>
            <numerusform>Firmasaldoen (%1) kan ikke betale %2 for %n numre. Fyll på firmasaldoen først, eller velg en kortere periode.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Sum: —</translation>
    </message>
    <message numerus="yes">
        <source>Each number renews every %n month(s) from the company balance until it is cancelled.</source>
        <translation>
            <numerusform>Hvert nummer fornyes for %n måned om gangen fra firmasaldoen til det sies opp.</numerusform>
            <numerusform>Hvert nummer fornyes for %n måneder om gangen fra firmasaldoen til det sies opp.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1 are offered only to holders who meet the local terms, for example a local address in %1, and who provide more details on request. The terms may change with local regulation; a holder who no longer meets them may lose the number.</source>
        <translation>Numre i %1 tilbys bare til innehavere som oppfyller de lokale vilkårene, for eksempel en lokal adresse i %1, og som gir flere opplysninger på forespørsel. Vilkårene kan endres i tråd med lokale regler; en innehaver som ikke lenger oppfyller dem, kan miste nummeret.</translation>
    </message>
    <message>
        <source>The holders accept the terms for numbers in %1</source>
        <translation>Innehaverne godtar vilkårene for numre i %1</translation>
    </message>
    <message>
        <source>Buy numbers</source>
        <translation>Kjøp numre</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>Kjøp nå</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Neste &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Tilbake</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Who gets a number?</source>
        <translation>Hvem skal få et nummer?</translation>
    </message>
    <message>
        <source>One number for each member or SIP profile in the list.</source>
        <translation>Ett nummer til hvert medlem eller hver SIP-profil på listen.</translation>
    </message>
    <message>
        <source>Type an account name or a SIP profile name and choose it from the list, or press Enter to add it.</source>
        <translation>Skriv et kontonavn eller navnet på en SIP-profil og velg det i listen, eller trykk Enter for å legge det til.</translation>
    </message>
    <message>
        <source>&amp;Holder is a:</source>
        <translation>&amp;Innehavertype:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>SIP-profil</translation>
    </message>
    <message>
        <source>Holder is a member or a SIP profile</source>
        <translation>Innehaveren er et medlem eller en SIP-profil</translation>
    </message>
    <message>
        <source>&amp;SIP profile:</source>
        <translation>&amp;SIP-profil:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Kontonavn:</translation>
    </message>
    <message>
        <source>Start typing a SIP profile name</source>
        <translation>Begynn å skrive navnet på en SIP-profil</translation>
    </message>
    <message>
        <source>Start typing an account name</source>
        <translation>Begynn å skrive et kontonavn</translation>
    </message>
    <message>
        <source>SIP profile name</source>
        <translation>Navn på SIP-profil</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontonavn</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Legg til</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Legg til på listen</translation>
    </message>
    <message>
        <source>Who gets a number</source>
        <translation>Hvem som får et nummer</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Fjern fra listen</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Where the numbers are.</source>
        <translation>Landet numrene hører til.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Vilkår</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Priser</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Retningsnummer</translation>
    </message>
    <message>
        <source>The area code of the numbers, with its place.</source>
        <translation>Retningsnummeret for numrene, med stedsnavn.</translation>
    </message>
    <message>
        <source>Billing period</source>
        <translation>Faktureringsperiode</translation>
    </message>
    <message>
        <source>How often each number is paid.</source>
        <translation>Hvor ofte hvert nummer betales.</translation>
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
        <source>Renewal</source>
        <translation>Fornyelse</translation>
    </message>
    <message>
        <source>The holders must accept the terms before the numbers can be bought.</source>
        <translation>Innehaverne må godta vilkårene før numrene kan kjøpes.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Buy and pay %1</source>
        <translation>Kjøp og betal %1</translation>
    </message>
    <message numerus="yes">
        <source>Buying %n number(s) in %1, %2, billed every %3: %4 in all, paid now from the company balance (%5).</source>
        <translation>
            <numerusform>Kjøper %n nummer i %1, %2, fakturert for %3 om gangen: %4 i alt, betales nå fra firmasaldoen (%5).</numerusform>
            <numerusform>Kjøper %n numre i %1, %2, fakturert for %3 om gangen: %4 i alt, betales nå fra firmasaldoen (%5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n måned</numerusform>
            <numerusform>%n måneder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::CallsPage</name>
    <message>
        <source>All SIP profiles</source>
        <translation>Alle SIP-profiler</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Alle avdelinger</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) · %1 billed min. · %2 bundle min. · %3</source>
        <translation>
            <numerusform>%Ln samtale · %1 fakturerte min. · %2 min. fra pakker · %3</numerusform>
            <numerusform>%Ln samtaler · %1 fakturerte min. · %2 min. fra pakker · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The calls cannot be shown: %1</source>
        <translation>Samtalene kan ikke vises: %1</translation>
    </message>
    <message>
        <source>Import call records</source>
        <translation>Importer samtaleposter</translation>
    </message>
    <message>
        <source>Call records (*.csv *.log);;All files (*)</source>
        <translation>Samtaleposter (*.csv *.log);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importerer %1 …</translation>
    </message>
    <message>
        <source>The import of %1 was cancelled; nothing was changed.</source>
        <translation>Importen av %1 ble avbrutt; ingenting ble endret.</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>Ingenting ble importert fra %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln call(s) from %1 (%2 already there); charged %3.</source>
        <translation>
            <numerusform>Importerte %Ln samtale fra %1 (%2 fantes fra før); belastet %3.</numerusform>
            <numerusform>Importerte %Ln samtaler fra %1 (%2 fantes fra før); belastet %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>linje %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) could not be read and were skipped:</source>
        <translation>
            <numerusform>%Ln linje kunne ikke leses og ble hoppet over:</numerusform>
            <numerusform>%Ln linjer kunne ikke leses og ble hoppet over:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more)</source>
        <translation>
            <numerusform>(og %Ln til)</numerusform>
            <numerusform>(og %Ln til)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; (%Ln record(s), first on line %2)</source>
        <translation>
            <numerusform>«%1» (%Ln post, på linje %2)</numerusform>
            <numerusform>«%1» (%Ln poster, den første på linje %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) name no member account and no SIP profile and were not imported:</source>
        <translation>
            <numerusform>%Ln post oppgir verken en medlemskonto eller en SIP-profil og ble ikke importert:</numerusform>
            <numerusform>%Ln poster oppgir verken en medlemskonto eller en SIP-profil og ble ikke importert:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more code(s))</source>
        <translation>
            <numerusform>(og %Ln kode til)</numerusform>
            <numerusform>(og %Ln koder til)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) were kept without a charge: no rate for their destination, the first on line %1 (%2).</source>
        <translation>
            <numerusform>%Ln samtale ble beholdt uten belastning: ingen takst for destinasjonen, på linje %1 (%2).</numerusform>
            <numerusform>%Ln samtaler ble beholdt uten belastning: ingen takst for destinasjonen, den første på linje %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payer(s) now owe %1 together: their balances went below zero.</source>
        <translation>
            <numerusform>%Ln betaler skylder nå %1: saldoen gikk under null.</numerusform>
            <numerusform>%Ln betalere skylder nå til sammen %1: saldoene gikk under null.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from %1 with problems.</source>
        <translation>Importerte fra %1 med problemer.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Eksporter samtaler</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Eksporterer til %1 …</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln call(s) to %1.</source>
        <translation>
            <numerusform>Eksporterte %Ln samtale til %1.</numerusform>
            <numerusform>Eksporterte %Ln samtaler til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Samtaler og rapporter</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <source>Search by number (Ctrl+F)</source>
        <translation>Søk etter nummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search calls by number</source>
        <translation>Søk i samtaler etter nummer</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>M&amp;ember:</source>
        <translation>M&amp;edlem:</translation>
    </message>
    <message>
        <source>Any account</source>
        <translation>Alle kontoer</translation>
    </message>
    <message>
        <source>Member account</source>
        <translation>Medlemskonto</translation>
    </message>
    <message>
        <source>Paid by the SIP profile</source>
        <translation>Betalt av SIP-profilen</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Avdeling:</translation>
    </message>
    <message>
        <source>Paid by the department</source>
        <translation>Betalt av avdelingen</translation>
    </message>
    <message>
        <source>From the day</source>
        <translation>Fra og med dag</translation>
    </message>
    <message>
        <source>To the day (included)</source>
        <translation>Til og med dag</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>F&amp;ra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Alle dager</translation>
    </message>
    <message>
        <source>&amp;Import call records…</source>
        <translation>Imp&amp;orter samtaleposter …</translation>
    </message>
    <message>
        <source>Import a PBX&apos;s call records (Asterisk Master.csv or FreeSWITCH CSV), rate and charge them</source>
        <translation>Importer samtaleposter fra en PBX (Asterisk Master.csv eller FreeSWITCH CSV), beregn prisen og belast dem</translation>
    </message>
    <message>
        <source>E&amp;xport calls…</source>
        <translation>E&amp;ksporter samtaler …</translation>
    </message>
    <message>
        <source>Export the calls the filters show to a CSV file</source>
        <translation>Eksporter samtalene som filtrene viser, til en CSV-fil</translation>
    </message>
    <message>
        <source>Monthly &amp;statement…</source>
        <translation>Månedlig konto&amp;utskrift …</translation>
    </message>
    <message>
        <source>A month&apos;s balances, spending, top-ups and allocations as PDF or CSV, or printed</source>
        <translation>En måneds saldoer, forbruk, påfyll og tildelinger som PDF eller CSV, eller på papir</translation>
    </message>
    <message>
        <source>More than %1 calls match · type more of the number for their totals</source>
        <translation>Mer enn %1 samtaler passer · skriv mer av nummeret for å se summene</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Ingen samtaler ennå</translation>
    </message>
    <message>
        <source>Import the call records of the PBX (Asterisk Master.csv or FreeSWITCH CSV): each call is rated and charged to its member or SIP profile.</source>
        <translation>Importer samtalepostene fra PBX-en (Asterisk Master.csv eller FreeSWITCH CSV): hver samtale blir priset og belastet medlemmet eller SIP-profilen den hører til.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ChangeChannelsDialog</name>
    <message numerus="yes">
        <source>%1 has %n channel(s), not paid since %2: outgoing calls are stopped.</source>
        <translation>
            <numerusform>%1 har %n kanal, ikke betalt siden %2: utgående samtaler er stoppet.</numerusform>
            <numerusform>%1 har %n kanaler, ikke betalt siden %2: utgående samtaler er stoppet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n channel(s) (%2 a month), paid until %3.</source>
        <translation>
            <numerusform>%1 har %n kanal (%2 per måned), betalt til %3.</numerusform>
            <numerusform>%1 har %n kanaler (%2 per måned), betalt til %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month</source>
        <translation>
            <numerusform>%n kanal: %1 per måned</numerusform>
            <numerusform>%n kanaler: %1 per måned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %2 for %n channel(s).</source>
        <translation>
            <numerusform>Firmasaldoen (%1) kan ikke betale %2 for %n kanal.</numerusform>
            <numerusform>Firmasaldoen (%1) kan ikke betale %2 for %n kanaler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after the change: %2.</source>
        <translation>Firmasaldo: %1, etter endringen: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Firmasaldo: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Change to %n channel(s)</source>
        <translation>
            <numerusform>Endre til %n kanal</numerusform>
            <numerusform>Endre til %n kanaler</numerusform>
        </translation>
    </message>
    <message>
        <source>Change channels</source>
        <translation>Endre kanaler</translation>
    </message>
    <message>
        <source>&amp;Channels (simultaneous calls, %1–%2):</source>
        <translation>&amp;Kanaler (samtidige samtaler, %1–%2):</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Current channels</source>
        <translation>Nåværende kanaler</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Hva som skjer</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Firmasaldo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Advice: no call records yet to size the channels by.</source>
        <translation>Anbefaling: ingen samtaleposter ennå å beregne kanalene ut fra.</translation>
    </message>
    <message numerus="yes">
        <source>Advice: %n channel(s) for the busiest hour (%1 erlangs at 1% blocking)</source>
        <translation>
            <numerusform>Anbefaling: %n kanal for den travleste timen (%1 erlang ved 1 % blokkering)</numerusform>
            <numerusform>Anbefaling: %n kanaler for den travleste timen (%1 erlang ved 1 % blokkering)</numerusform>
        </translation>
    </message>
    <message>
        <source>The busiest hour of its calls so far began %1.</source>
        <translation>Den travleste timen med samtaler så langt begynte %1.</translation>
    </message>
    <message>
        <source>The current channel subscription ends now: its unused days, %1, go back to the company balance. The new one starts today: %2 is paid now, %3 in all, and it renews on %4.</source>
        <translation>Det nåværende kanalabonnementet avsluttes nå: de ubrukte dagene, %1, går tilbake til firmasaldoen. Det nye starter i dag: %2 betales nå, %3 totalt, og det fornyes %4.</translation>
    </message>
    <message>
        <source>The current channel subscription ends now (no days of it are left unused). The new one starts today: %1 is paid now from the company balance, and it renews on %2.</source>
        <translation>Det nåværende kanalabonnementet avsluttes nå (ingen dager av det er ubrukt). Det nye starter i dag: %1 betales nå fra firmasaldoen, og det fornyes %2.</translation>
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
        <translation>Skriv inn den offentlige IPv4-adressen til PBX-ens internettilkobling.</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month, the first month paid now from the company balance</source>
        <translation>
            <numerusform>%n kanal: %1 per måned, den første måneden betales nå fra firmasaldoen</numerusform>
            <numerusform>%n kanaler: %1 per måned, den første måneden betales nå fra firmasaldoen</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after creating: %2.</source>
        <translation>Firmasaldo: %1, etter opprettelsen: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Firmasaldo: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). Top up the company balance first, or choose fewer channels.</source>
        <translation>
            <numerusform>Firmasaldoen (%1) kan ikke betale %n kanal for den første måneden (%2). Fyll på firmasaldoen først, eller velg færre kanaler.</numerusform>
            <numerusform>Firmasaldoen (%1) kan ikke betale %n kanaler for den første måneden (%2). Fyll på firmasaldoen først, eller velg færre kanaler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The SIP profile %1 is ready: %n channel(s), paid until %2 (%3). Set up the PBX with these details.</source>
        <translation>
            <numerusform>SIP-profilen %1 er klar: %n kanal, betalt til %2 (%3). Sett opp PBX-en med disse opplysningene.</numerusform>
            <numerusform>SIP-profilen %1 er klar: %n kanaler, betalt til %2 (%3). Sett opp PBX-en med disse opplysningene.</numerusform>
        </translation>
    </message>
    <message>
        <source>Provider SIP servers: %1</source>
        <translation>Leverandørens SIP-servere: %1</translation>
    </message>
    <message>
        <source>SIP username: %1</source>
        <translation>SIP-brukernavn: %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Passord: %1</translation>
    </message>
    <message>
        <source>%1, UDP port %2</source>
        <translation>%1, UDP-port %2</translation>
    </message>
    <message>
        <source>Keep the password safe. You can show it again at any time on the SIP profiles page.</source>
        <translation>Ta godt vare på passordet. Det kan vises igjen når som helst på siden SIP-profiler.</translation>
    </message>
    <message>
        <source>The provider accepts calls from this address without registration.</source>
        <translation>Leverandøren godtar samtaler fra denne adressen uten registrering.</translation>
    </message>
    <message>
        <source>Create SIP profile</source>
        <translation>Opprett SIP-profil</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Neste &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Tilbake</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>&amp;Opprett profil</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>A SIP profile is one SIP trunk for a PBX, with its own credit and channels.</source>
        <translation>En SIP-profil er én SIP-trunk for en PBX, med egen kreditt og egne kanaler.</translation>
    </message>
    <message>
        <source>Choose a name that says whose PBX it is, for example the department or the office. The name can be changed later.</source>
        <translation>Velg et navn som viser hvem PBX-en tilhører, for eksempel avdelingen eller kontoret. Navnet kan endres senere.</translation>
    </message>
    <message>
        <source>&amp;Profile name:</source>
        <translation>&amp;Profilnavn:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilnavn</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>f.eks. %1</translation>
    </message>
    <message>
        <source>Sales Oslo</source>
        <translation>Salg Oslo</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Avdeling:</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Avdeling</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valgfritt</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>optional: who looks after the PBX</source>
        <translation>valgfritt: hvem som har ansvaret for PBX-en</translation>
    </message>
    <message>
        <source>Authentication and channels</source>
        <translation>Autentisering og kanaler</translation>
    </message>
    <message>
        <source>How the PBX proves who it is, and how many calls it may make at once.</source>
        <translation>Hvordan PBX-en viser hvem den er, og hvor mange samtaler den kan føre samtidig.</translation>
    </message>
    <message>
        <source>&amp;Registration (recommended)</source>
        <translation>&amp;Registrering (anbefalt)</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrering</translation>
    </message>
    <message>
        <source>The profile gets a SIP username and a strong generated password; the PBX registers with them. You can show the credentials again at any time.</source>
        <translation>Profilen får et SIP-brukernavn og et sterkt generert passord; PBX-en registrerer seg med dem. Påloggingsopplysningene kan vises igjen når som helst.</translation>
    </message>
    <message>
        <source>&amp;IP authentication, for a PBX that cannot register</source>
        <translation>&amp;IP-autentisering, for en PBX som ikke kan registrere seg</translation>
    </message>
    <message>
        <source>IP authentication</source>
        <translation>IP-autentisering</translation>
    </message>
    <message>
        <source>Public IPv4 &amp;address:</source>
        <translation>Offentlig IPv4-&amp;adresse:</translation>
    </message>
    <message>
        <source>Public IPv4 address of the PBX</source>
        <translation>Offentlig IPv4-adresse til PBX-en</translation>
    </message>
    <message>
        <source>UDP &amp;port:</source>
        <translation>UDP-&amp;port:</translation>
    </message>
    <message>
        <source>UDP port</source>
        <translation>UDP-port</translation>
    </message>
    <message>
        <source>Address check</source>
        <translation>Adressekontroll</translation>
    </message>
    <message>
        <source>C&amp;hannels (simultaneous calls, %1–%2):</source>
        <translation>&amp;Kanaler (samtidige samtaler, %1–%2):</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Firmasaldo</translation>
    </message>
    <message>
        <source>What the PBX needs</source>
        <translation>Det PBX-en trenger</translation>
    </message>
    <message>
        <source>The profile is created.</source>
        <translation>Profilen er opprettet.</translation>
    </message>
    <message>
        <source>Provider SIP servers:</source>
        <translation>Leverandørens SIP-servere:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Brukernavn:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passord:</translation>
    </message>
    <message>
        <source>Allowed IP:</source>
        <translation>Tillatt IP-adresse:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
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
        <translation>Numre som samtalene fra PBX-en slår, tolkes som om de ble slått i dette landet (med landets nasjonale nummerformer og internasjonale prefiks).</translation>
    </message>
    <message>
        <source>The credentials went to %1.</source>
        <translation>Påloggingsopplysningene ble sendt til %1.</translation>
    </message>
    <message>
        <source>The credentials were not e-mailed: %1 The profile is ready; send them again from its details.</source>
        <translation>Påloggingsopplysningene ble ikke sendt på e-post: %1 Profilen er klar; send dem på nytt fra detaljene for profilen.</translation>
    </message>
    <message>
        <source>No mail server is set in Settings, so the credentials were not e-mailed to %1.</source>
        <translation>Ingen e-postserver er angitt under Innstillinger, så påloggingsopplysningene ble ikke sendt på e-post til %1.</translation>
    </message>
    <message>
        <source>Sending the credentials to %1…</source>
        <translation>Sender påloggingsopplysningene til %1 …</translation>
    </message>
    <message>
        <source>&amp;Create and pay %1</source>
        <translation>&amp;Opprett og betal %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::DashboardCharts</name>
    <message>
        <source>Charts</source>
        <translation>Diagrammer</translation>
    </message>
    <message>
        <source>Spending per month (%1)</source>
        <translation>Forbruk per måned (%1)</translation>
    </message>
    <message>
        <source>US bundle minutes this period</source>
        <translation>USA-pakkeminutter i denne perioden</translation>
    </message>
    <message>
        <source>Most calls at once per day</source>
        <translation>Flest samtidige samtaler per dag</translation>
    </message>
    <message>
        <source>Company balance (%1)</source>
        <translation>Firmasaldo (%1)</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Per avdeling</translation>
    </message>
    <message>
        <source>Spending by department</source>
        <translation>Forbruk per avdeling</translation>
    </message>
    <message>
        <source>Stack the spending by department instead of by kind</source>
        <translation>Del opp forbruket per avdeling i stedet for per type</translation>
    </message>
    <message>
        <source>SIP profile of the calls chart</source>
        <translation>SIP-profil for samtalediagrammet</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leser …</translation>
    </message>
    <message>
        <source>The charts could not be read: %1</source>
        <translation>Diagrammene kunne ikke leses: %1</translation>
    </message>
    <message>
        <source>Nothing spent in the last twelve months. Buy numbers or channels, or import calls, and the spending shows here.</source>
        <translation>Ingenting brukt de siste tolv månedene. Kjøp numre eller kanaler, eller importer samtaler, så vises forbruket her.</translation>
    </message>
    <message>
        <source>The charts could not be read.</source>
        <translation>Diagrammene kunne ikke leses.</translation>
    </message>
    <message>
        <source>No SIP profile has US minute bundles. Bundles are bought in a profile&apos;s Bundles dialog.</source>
        <translation>Ingen SIP-profil har USA-minuttpakker. Pakker kjøpes i dialogen Pakker for en profil.</translation>
    </message>
    <message>
        <source>No SIP profiles yet: create one on the SIP profiles page, then import its calls.</source>
        <translation>Ingen SIP-profiler ennå: opprett en på siden SIP-profiler, og importer deretter samtalene.</translation>
    </message>
    <message>
        <source>%1 made no calls in the last %2 days.</source>
        <translation>%1 har ingen samtaler de siste %2 dagene.</translation>
    </message>
    <message>
        <source>The company balance has not moved yet: top it up to start.</source>
        <translation>Firmasaldoen har ikke endret seg ennå: fyll den på for å komme i gang.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: nothing spent.</source>
        <translation>%1: ingenting brukt.</translation>
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
        <translation>%1 Tolv måneder: %2.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 minutes used</source>
        <translation>%1: %2 av %3 minutter brukt</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1 (channels: %2): at most %3 calls at once, on %4; all channels busy on %5 of %6 days.</source>
        <translation>%1 (kanaler: %2): høyst %3 samtidige samtaler, den %4; alle kanaler opptatt %5 av %6 dager.</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 at the start, %4 now; lowest %5, highest %6.</source>
        <translation>Fra %1 til %2: %3 ved start, %4 nå; lavest %5, høyest %6.</translation>
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
    <message>
        <source>%1 (owed: %2)</source>
        <translation>%1 (skyldig: %2)</translation>
    </message>
    <message>
        <source>Put money on the company balance: everything is paid from it.</source>
        <translation>Sett inn penger på firmasaldoen: alt betales fra den.</translation>
    </message>
    <message>
        <source>Add the people who call, one by one or imported from a file.</source>
        <translation>Legg til dem som ringer, ett og ett medlem eller importert fra en fil.</translation>
    </message>
    <message>
        <source>Create a SIP profile for each PBX or office line, with its channels.</source>
        <translation>Opprett en SIP-profil for hver PBX eller kontorlinje, med kanalene den trenger.</translation>
    </message>
    <message>
        <source>Buy phone numbers for members and SIP profiles.</source>
        <translation>Kjøp telefonnumre til medlemmer og SIP-profiler.</translation>
    </message>
    <message>
        <source>Import the PBX&apos;s call records to charge the calls.</source>
        <translation>Importer samtalepostene fra PBX-en for å belaste samtalene.</translation>
    </message>
    <message>
        <source>&amp;What needs you today</source>
        <translation>&amp;Trenger oppmerksomhet i dag</translation>
    </message>
    <message>
        <source>What needs you today</source>
        <translation>Trenger oppmerksomhet i dag</translation>
    </message>
    <message>
        <source>Press Enter on an entry to open the page it speaks of.</source>
        <translation>Trykk Enter på en oppføring for å åpne siden den gjelder.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the page it speaks of.</source>
        <translation>Dobbeltklikk eller trykk Enter for å åpne siden oppføringen gjelder.</translation>
    </message>
    <message>
        <source>Nothing needs you today.</source>
        <translation>Ingenting trenger oppmerksomhet i dag.</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Første trinn</translation>
    </message>
    <message>
        <source>The account is empty. Top up the company balance, add the members and the SIP profiles they call through, buy numbers, then import the PBX&apos;s call records.</source>
        <translation>Kontoen er tom. Fyll på firmasaldoen, legg til medlemmene og SIP-profilene de ringer gjennom, kjøp numre, og importer deretter samtalepostene fra PBX-en.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagrammer</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leser …</translation>
    </message>
    <message>
        <source>Owed by members: %1</source>
        <translation>Medlemmene skylder: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::DeleteSipProfileDialog</name>
    <message numerus="yes">
        <source>Exported %Ln call(s) to %1.</source>
        <translation>
            <numerusform>Eksporterte %Ln samtale til %1.</numerusform>
            <numerusform>Eksporterte %Ln samtaler til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete SIP profile</source>
        <translation>Slett SIP-profil</translation>
    </message>
    <message>
        <source>Delete the SIP profile %1? This happens:</source>
        <translation>Slette SIP-profilen %1? Dette skjer:</translation>
    </message>
    <message>
        <source>• Its credit of %1 returns to the company balance (%2 → %3).</source>
        <translation>• Kreditten på %1 går tilbake til firmasaldoen (%2 → %3).</translation>
    </message>
    <message>
        <source>• It has no credit left to return to the company balance.</source>
        <translation>• Profilen har ingen kreditt igjen å gi tilbake til firmasaldoen.</translation>
    </message>
    <message>
        <source>• It holds no numbers.</source>
        <translation>• Profilen har ingen numre.</translation>
    </message>
    <message numerus="yes">
        <source>• %n number(s) return to the company&apos;s pool and can be reassigned (they stay paid and renew until cancelled): %1.</source>
        <translation>
            <numerusform>• %n nummer går tilbake til firmaets beholdning og kan tildeles på nytt (det forblir betalt og fornyes til det sies opp): %1.</numerusform>
            <numerusform>• %n numre går tilbake til firmaets beholdning og kan tildeles på nytt (de forblir betalt og fornyes til de sies opp): %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>• No account is linked to it.</source>
        <translation>• Ingen konto er koblet til profilen.</translation>
    </message>
    <message numerus="yes">
        <source>• %n account(s) are unlinked and can sign in again: %1.</source>
        <translation>
            <numerusform>• %n konto kobles fra og kan brukes til pålogging igjen: %1.</numerusform>
            <numerusform>• %n kontoer kobles fra og kan brukes til pålogging igjen: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• Its call history is deleted: %Ln call(s).</source>
        <translation>
            <numerusform>• Samtalehistorikken slettes: %Ln samtale.</numerusform>
            <numerusform>• Samtalehistorikken slettes: %Ln samtaler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• Its %n channel(s), paid until %1, end now; there is no refund for them.</source>
        <translation>
            <numerusform>• Profilen har %n kanal, betalt til %1; den avsluttes nå uten refusjon.</numerusform>
            <numerusform>• Profilen har %n kanaler, betalt til %1; de avsluttes nå uten refusjon.</numerusform>
        </translation>
    </message>
    <message>
        <source>Consequences</source>
        <translation>Konsekvenser</translation>
    </message>
    <message>
        <source>&amp;Export call history first…</source>
        <translation>&amp;Eksporter samtalehistorikken først …</translation>
    </message>
    <message>
        <source>Export call history first</source>
        <translation>Eksporter samtalehistorikken først</translation>
    </message>
    <message numerus="yes">
        <source>Save the profile&apos;s %Ln call(s) to a CSV file before they are deleted</source>
        <translation>
            <numerusform>Lagre profilens %Ln samtale i en CSV-fil før den slettes</numerusform>
            <numerusform>Lagre profilens %Ln samtaler i en CSV-fil før de slettes</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>&amp;Delete SIP profile</source>
        <translation>&amp;Slett SIP-profil</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>sb::ui::EmptyState</name>
    <message>
        <source>Nothing matches the filters</source>
        <translation>Ingenting samsvarer med filtrene</translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation>Ingenting samsvarer med «%1»</translation>
    </message>
    <message>
        <source>Check the spelling, or clear the search and the filters to see everything.</source>
        <translation>Kontroller stavemåten, eller tøm søket og filtrene for å se alt.</translation>
    </message>
</context>
<context>
    <name>sb::ui::HintLabel</name>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advarsel: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::HolderCompleter</name>
    <message>
        <source>%1 — %2 (member)</source>
        <translation>%1 — %2 (medlem)</translation>
    </message>
    <message>
        <source>%1 — %2 (member, linked to %3)</source>
        <translation>%1 — %2 (medlem, koblet til %3)</translation>
    </message>
    <message>
        <source>%1 (SIP profile)</source>
        <translation>%1 (SIP-profil)</translation>
    </message>
</context>
<context>
    <name>sb::ui::ImportCallsDialog</name>
    <message>
        <source>Import call records</source>
        <translation>Importer samtaleposter</translation>
    </message>
    <message>
        <source>Import the calls of %1, rate them and charge their payers.</source>
        <translation>Importer samtalene i %1, beregn prisen og belast betalerne.</translation>
    </message>
    <message>
        <source>Found from the file</source>
        <translation>Automatisk (ut fra filen)</translation>
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
        <translation>Tidssone for tidspunktene i filen</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Times are in:</source>
        <translation>&amp;Tidssone:</translation>
    </message>
    <message>
        <source>PBXs usually log UTC; choose the PBX&apos;s time zone if it logs local time.</source>
        <translation>PBX-er logger vanligvis i UTC; velg tidssonen til PBX-en hvis den logger lokal tid.</translation>
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
    <name>sb::ui::LinkAccountDialog</name>
    <message>
        <source>Link an account</source>
        <translation>Koble til en konto</translation>
    </message>
    <message>
        <source>Calls to the account, and to the numbers assigned to it, go to the PBX of the SIP profile %1 — to the extension, if you give one.</source>
        <translation>Samtaler til kontoen og til numrene som er tildelt den, går til PBX-en for SIP-profilen %1 — til internnummeret, hvis det oppgis.</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Kontonavn:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontonavn</translation>
    </message>
    <message>
        <source>Start typing an account name</source>
        <translation>Begynn å skrive et kontonavn</translation>
    </message>
    <message>
        <source>&amp;Extension:</source>
        <translation>&amp;Internnummer:</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Internnummer</translation>
    </message>
    <message>
        <source>optional, digits only</source>
        <translation>valgfritt, bare sifre</translation>
    </message>
    <message>
        <source>While the account is linked it cannot be used to sign in. An account can be linked to one SIP profile only; unlinking restores sign-in.</source>
        <translation>Så lenge kontoen er koblet til, kan den ikke brukes til pålogging. En konto kan bare kobles til én SIP-profil; når den kobles fra, gjenopprettes påloggingen.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Pålogging</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>Koble &amp;til</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koble til</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>sb::ui::MailServerBox</name>
    <message>
        <source>The server accepted the test message for %1. If it does not arrive, look in the spam folder.</source>
        <translation>Serveren godtok testmeldingen til %1. Hvis den ikke kommer frem, se i søppelpostmappen.</translation>
    </message>
    <message>
        <source>Test message sent to %1.</source>
        <translation>Testmelding sendt til %1.</translation>
    </message>
    <message>
        <source>Type the mail server&apos;s name, such as %1.</source>
        <translation>Skriv inn navnet på e-postserveren, for eksempel %1.</translation>
    </message>
    <message>
        <source>Type the password of %1.</source>
        <translation>Skriv inn passordet til %1.</translation>
    </message>
    <message>
        <source>Sends a short message through the server as typed here, before it is saved.</source>
        <translation>Sender en kort melding gjennom serveren slik den er fylt ut her, før den lagres.</translation>
    </message>
    <message>
        <source>Sends a short message through this server.</source>
        <translation>Sender en kort melding gjennom denne serveren.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>uendret</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>ingen pålogging</translation>
    </message>
    <message>
        <source>Saved. Credentials and test messages go through %1.</source>
        <translation>Lagret. Påloggingsopplysninger og testmeldinger sendes gjennom %1.</translation>
    </message>
    <message>
        <source>The mail server is now %1, port %2.</source>
        <translation>E-postserveren er nå %1, port %2.</translation>
    </message>
    <message>
        <source>No mail server is set: credentials are no longer sent by e-mail.</source>
        <translation>Ingen e-postserver er angitt: påloggingsopplysninger sendes ikke lenger på e-post.</translation>
    </message>
    <message>
        <source>The mail server was removed.</source>
        <translation>E-postserveren ble fjernet.</translation>
    </message>
    <message>
        <source>Sending a test message to %1 through %2…</source>
        <translation>Sender en testmelding til %1 gjennom %2 …</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>E-postserver</translation>
    </message>
    <message>
        <source>New SIP profiles&apos; credentials are sent by e-mail through this server. It is kept in the database, for every admin and switchboardctl.</source>
        <translation>Påloggingsopplysningene for nye SIP-profiler sendes på e-post gjennom denne serveren. Den lagres i databasen, for alle administratorer og switchboardctl.</translation>
    </message>
    <message>
        <source>Mail s&amp;erver:</source>
        <translation>&amp;E-postserver:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>f.eks. %1</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Mail server port</source>
        <translation>Port for e-postserveren</translation>
    </message>
    <message>
        <source>Secu&amp;rity:</source>
        <translation>Si&amp;kkerhet:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sikkerhet</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (vanligvis port 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (vanligvis port 465)</translation>
    </message>
    <message>
        <source>None (only a server on this computer)</source>
        <translation>Ingen (bare en server på denne datamaskinen)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Br&amp;uker:</translation>
    </message>
    <message>
        <source>Mail user</source>
        <translation>Bruker på e-postserveren</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>tom: ingen pålogging</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;ord:</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>Passord for e-postserveren</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>&amp;Avsender:</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Avsenderadresse</translation>
    </message>
    <message>
        <source>Save mail server</source>
        <translation>Lagre e-postserver</translation>
    </message>
    <message>
        <source>Save the mail server</source>
        <translation>Lagre e-postserveren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Remove the mail server</source>
        <translation>Fjern e-postserveren</translation>
    </message>
    <message>
        <source>&amp;Test to:</source>
        <translation>&amp;Test til:</translation>
    </message>
    <message>
        <source>Test message address</source>
        <translation>Adresse for testmeldingen</translation>
    </message>
    <message>
        <source>your e-mail address</source>
        <translation>egen e-postadresse</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Send en testmelding</translation>
    </message>
</context>
<context>
    <name>sb::ui::MainWindow</name>
    <message>
        <source>About Switchboard</source>
        <translation>Om Switchboard</translation>
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
        <translation>&amp;Kjør fakturering nå</translation>
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
    <message>
        <source>Switchboard %1

Runs a company&apos;s business calling account: the company balance, members and their credit, numbers and SIP profiles.</source>
        <translation>Switchboard %1

Styrer firmaets bedriftskonto for samtaler: firmasaldoen, medlemmene og kreditten deres, numre og SIP-profiler.</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Numre</translation>
    </message>
    <message>
        <source>&amp;SIP profiles</source>
        <translation>&amp;SIP-profiler</translation>
    </message>
    <message>
        <source>Now using %1, but it will not be used at the next start: %2</source>
        <translation>Bruker nå %1, men den blir ikke brukt ved neste oppstart: %2</translation>
    </message>
    <message>
        <source>Billing: the US minute bundles of %1 were renewed from their balances.</source>
        <translation>Fakturering: USA-minuttpakkene til %1 ble fornyet og betalt fra profilsaldoene.</translation>
    </message>
    <message>
        <source>Updated by another admin.</source>
        <translation>Oppdatert av en annen administrator.</translation>
    </message>
    <message>
        <source>Changes by other admins do not show for now (tried again every 30 seconds): %1</source>
        <translation>Endringer fra andre administratorer vises ikke for øyeblikket (prøver igjen hvert 30. sekund): %1</translation>
    </message>
    <message>
        <source>Running billing…</source>
        <translation>Kjører fakturering …</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <source>%1. What the company can still give to members. Top up to add bought credit.</source>
        <translation>%1. Det firmaet fortsatt kan gi til medlemmene. Fyll på for å legge til kjøpt kreditt.</translation>
    </message>
    <message>
        <source>&amp;Call records</source>
        <translation>&amp;Samtaleposter</translation>
    </message>
    <message numerus="yes">
        <source>%1 … and %Ln more on the Activity page.</source>
        <translation>
            <numerusform>%1 … og %Ln til på siden Aktivitet.</numerusform>
            <numerusform>%1 … og %Ln til på siden Aktivitet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Billing: the US minute bundles of %Ln SIP profile(s) were renewed from their balances.</source>
        <translation>
            <numerusform>Fakturering: USA-minuttpakkene til %Ln SIP-profil ble fornyet og betalt fra profilsaldoen.</numerusform>
            <numerusform>Fakturering: USA-minuttpakkene til %Ln SIP-profiler ble fornyet og betalt fra profilsaldoene.</numerusform>
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
    <message>
        <source>Select the members whose numbers to cancel first.</source>
        <translation>Velg først medlemmene som skal få numrene sine sagt opp.</translation>
    </message>
    <message>
        <source>Ca&amp;ncel numbers…</source>
        <translation>Si &amp;opp numre …</translation>
    </message>
    <message>
        <source>Cancel the numbers of the selected members at the end of their paid period</source>
        <translation>Si opp numrene til de valgte medlemmene ved slutten av den betalte perioden</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Ingen medlemmer ennå</translation>
    </message>
    <message>
        <source>Members are the people who call through the account: each has an account for the phone and credit given from the company balance. Add them one at a time, or import a CSV file from the Members menu.</source>
        <translation>Medlemmer er personene som ringer gjennom kontoen: hvert medlem har en konto for telefonen og kreditt tildelt fra firmasaldoen. Legg dem til én om gangen, eller importer en CSV-fil fra Medlemmer-menyen.</translation>
    </message>
</context>
<context>
    <name>sb::ui::NumbersPage</name>
    <message numerus="yes">
        <source>%Ln number(s) found</source>
        <translation>
            <numerusform>%Ln nummer funnet</numerusform>
            <numerusform>%Ln numre funnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln number(s)</source>
        <translation>
            <numerusform>%Ln nummer</numerusform>
            <numerusform>%Ln numre</numerusform>
        </translation>
    </message>
    <message>
        <source>The numbers cannot be shown: %1</source>
        <translation>Numrene kan ikke vises: %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 til %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 og %n til</numerusform>
            <numerusform>%1 og %n til</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %n number(s) in %1 for %2: %3. Company balance: %4.</source>
        <translation>
            <numerusform>Kjøpte %n nummer i %1 for %2: %3. Firmasaldo: %4.</numerusform>
            <numerusform>Kjøpte %n numre i %1 for %2: %3. Firmasaldo: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the one number to reassign.</source>
        <translation>Velg det ene nummeret som skal tildeles på nytt.</translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3.</source>
        <translation>Tildelte %1 på nytt fra %2 til %3.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>The selected members hold no numbers.</source>
        <translation>De valgte medlemmene har ingen numre.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is already cancelled.</source>
        <translation>%1 er allerede sagt opp.</translation>
    </message>
    <message>
        <source>Select the numbers to cancel first.</source>
        <translation>Velg først numrene som skal sies opp.</translation>
    </message>
    <message>
        <source>• %1 (%2): usable until %3, then released</source>
        <translation>• %1 (%2): kan brukes til %3, frigis deretter</translation>
    </message>
    <message>
        <source>Each number stays usable until the end of its paid period, then returns to the pool. There is no extra charge and no refund.</source>
        <translation>Hvert nummer kan brukes til slutten av den betalte perioden og går deretter tilbake til beholdningen. Det kommer ingen ekstra kostnader og ingen refusjon.</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Ikke sagt opp: %1</translation>
    </message>
    <message>
        <source>Cancel numbers</source>
        <translation>Si opp numre</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n number(s)?</source>
        <translation>
            <numerusform>Si opp %n nummer?</numerusform>
            <numerusform>Si opp %n numre?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n number(s)</source>
        <translation>
            <numerusform>Si opp %n nummer</numerusform>
            <numerusform>Si opp %n numre</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behold dem</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (til %2)</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n number(s): %1. No refund; each is released when its period ends.</source>
        <translation>
            <numerusform>Sa opp %n nummer: %1. Ingen refusjon; det frigis når perioden er slutt.</numerusform>
            <numerusform>Sa opp %n numre: %1. Ingen refusjon; hvert nummer frigis når perioden er slutt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) could not be cancelled: %1</source>
        <translation>
            <numerusform>%n nummer kunne ikke sies opp: %1</numerusform>
            <numerusform>%n numre kunne ikke sies opp: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n number(s); see the problems above the table.</source>
        <translation>
            <numerusform>Sa opp %n nummer; se problemene over tabellen.</numerusform>
            <numerusform>Sa opp %n numre; se problemene over tabellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numre</translation>
    </message>
    <message>
        <source>Search by number, account, name or SIP profile (Ctrl+F)</source>
        <translation>Søk etter nummer, konto, navn eller SIP-profil (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search numbers</source>
        <translation>Søk i numre</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Alle land</translation>
    </message>
    <message>
        <source>Filter by country</source>
        <translation>Filtrer etter land</translation>
    </message>
    <message>
        <source>Held &amp;by:</source>
        <translation>Innehave&amp;r:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>SIP-profiler</translation>
    </message>
    <message>
        <source>Filter by holder</source>
        <translation>Filtrer etter innehaver</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Sagt opp</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Frigitt</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer etter status</translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation>Kjøp &amp;numre …</translation>
    </message>
    <message>
        <source>Buy numbers for members or SIP profiles (%1)</source>
        <translation>Kjøp numre til medlemmer eller SIP-profiler (%1)</translation>
    </message>
    <message>
        <source>&amp;Reassign number…</source>
        <translation>&amp;Tildel nummer på nytt …</translation>
    </message>
    <message>
        <source>Give the selected number to another member or SIP profile (%1)</source>
        <translation>Gi det valgte nummeret til et annet medlem eller en annen SIP-profil (%1)</translation>
    </message>
    <message>
        <source>&amp;Cancel numbers…</source>
        <translation>&amp;Si opp numre …</translation>
    </message>
    <message>
        <source>Cancel the selected numbers at the end of their paid period (%1)</source>
        <translation>Si opp de valgte numrene ved slutten av den betalte perioden (%1)</translation>
    </message>
    <message>
        <source>No numbers yet</source>
        <translation>Ingen numre ennå</translation>
    </message>
    <message>
        <source>Phone numbers are bought for members and SIP profiles, in the country and area you choose, and renew from the company balance until they are cancelled.</source>
        <translation>Telefonnumre kjøpes til medlemmer og SIP-profiler, i det landet og med det retningsnummeret som velges, og fornyes fra firmasaldoen til de sies opp.</translation>
    </message>
</context>
<context>
    <name>sb::ui::PbxConfigView</name>
    <message>
        <source>Asterisk PJSIP configuration (pjsip.conf):</source>
        <translation>Asterisk PJSIP-oppsett (pjsip.conf):</translation>
    </message>
    <message>
        <source>Asterisk PJSIP configuration</source>
        <translation>Asterisk PJSIP-oppsett</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Co&amp;py configuration</source>
        <translation>&amp;Kopier oppsettet</translation>
    </message>
    <message>
        <source>Copy the configuration</source>
        <translation>Kopier oppsettet</translation>
    </message>
    <message>
        <source>Copy the whole block, with the password, to paste into the PBX</source>
        <translation>Kopier hele blokken, med passordet, for å lime den inn i PBX-en</translation>
    </message>
</context>
<context>
    <name>sb::ui::ReassignNumberDialog</name>
    <message>
        <source>Reassign number</source>
        <translation>Tildel nummer på nytt</translation>
    </message>
    <message>
        <source>%1 (E.164: %2)</source>
        <translation>%1 (E.164: %2)</translation>
    </message>
    <message>
        <source>%1, %2. Now held by: %3. Paid until %4.</source>
        <translation>%1, %2. Innehaver nå: %3. Betalt til %4.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>New holder is a:</source>
        <translation>Type ny innehaver:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>SIP-profil</translation>
    </message>
    <message>
        <source>New holder is a member or a SIP profile</source>
        <translation>Den nye innehaveren er et medlem eller en SIP-profil</translation>
    </message>
    <message>
        <source>&amp;SIP profile:</source>
        <translation>&amp;SIP-profil:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Kontonavn:</translation>
    </message>
    <message>
        <source>Start typing a name; the list says member or SIP profile</source>
        <translation>Begynn å skrive et navn; listen viser om det er et medlem eller en SIP-profil</translation>
    </message>
    <message>
        <source>New holder</source>
        <translation>Ny innehaver</translation>
    </message>
    <message>
        <source>Numbers in %1 are held under terms (for example a local address in %1). The terms accepted when this number was bought still apply: make sure the new holder meets them, or the number may be lost.</source>
        <translation>Numre i %1 er underlagt vilkår (for eksempel en lokal adresse i %1). Vilkårene som ble godtatt da dette nummeret ble kjøpt, gjelder fortsatt: sørg for at den nye innehaveren oppfyller dem, ellers kan nummeret gå tapt.</translation>
    </message>
    <message>
        <source>The terms under which this number was bought still apply to its new holder.</source>
        <translation>Vilkårene som gjaldt da dette nummeret ble kjøpt, gjelder fortsatt for den nye innehaveren.</translation>
    </message>
    <message>
        <source>Terms reminder</source>
        <translation>Påminnelse om vilkår</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Tildel på nytt</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Tildel på nytt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>sb::ui::RenameSipProfileDialog</name>
    <message>
        <source>Rename SIP profile</source>
        <translation>Gi SIP-profilen nytt navn</translation>
    </message>
    <message>
        <source>A new name for the SIP profile %1. Its SIP username, credentials and PBX configuration stay the same.</source>
        <translation>Et nytt navn på SIP-profilen %1. SIP-brukernavnet, påloggingsopplysningene og PBX-oppsettet forblir de samme.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nytt navn</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
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
        <translation>Spr&amp;åk:</translation>
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
        <source>Switch</source>
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
        <source>SIP servers</source>
        <translation>SIP-servere</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>f.eks. %1</translation>
    </message>
    <message>
        <source>Saved. Every SIP profile&apos;s PBX data now names these servers.</source>
        <translation>Lagret. PBX-dataene for alle SIP-profiler viser nå disse serverne.</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers are now %1.</source>
        <translation>Leverandørens SIP-servere er nå %1.</translation>
    </message>
    <message>
        <source>Name at least one SIP server, such as %1.</source>
        <translation>Oppgi minst én SIP-server, for eksempel %1.</translation>
    </message>
    <message>
        <source>S&amp;IP servers:</source>
        <translation>SIP-se&amp;rvere:</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>La&amp;gre</translation>
    </message>
    <message>
        <source>Save the SIP servers</source>
        <translation>Lagre SIP-serverne</translation>
    </message>
    <message>
        <source>SIP servers message</source>
        <translation>Melding om SIP-serverne</translation>
    </message>
    <message>
        <source>A trunk check now waits at most %1 ms for each server.</source>
        <translation>En trunkkontroll venter nå høyst %1 ms på hver server.</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers (host:port, separated by commas) go into every SIP profile&apos;s PBX data and configuration; they are kept in the database, so every admin and switchboardctl see the same.</source>
        <translation>Leverandørens SIP-servere (vert:port, atskilt med komma) tas med i PBX-dataene og oppsettet for alle SIP-profiler; de lagres i databasen, slik at alle administratorer og switchboardctl ser det samme.</translation>
    </message>
    <message>
        <source>Trunk check</source>
        <translation>Trunkkontroll</translation>
    </message>
    <message>
        <source>&quot;Check the trunk&quot; in a SIP profile&apos;s details sends SIP OPTIONS to its PBX and the provider&apos;s servers, sending again after 0.5, 1, 2 and 4 s. A server silent this long counts as not answering; switchboardctl profile probe uses the same limit.</source>
        <translation>«Kontroller trunken» i detaljene for en SIP-profil sender SIP OPTIONS til PBX-en og leverandørens servere, og sender på nytt etter 0,5 s, 1 s, 2 s og 4 s. En server som ikke har svart innen denne tiden, får status «Ingen svar»; switchboardctl profile probe bruker samme grense.</translation>
    </message>
    <message>
        <source>Wait at m&amp;ost:</source>
        <translation>&amp;Lengste ventetid:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Trunk check time limit in milliseconds</source>
        <translation>Tidsgrense for trunkkontrollen i millisekunder</translation>
    </message>
</context>
<context>
    <name>sb::ui::SipProfileDetails</name>
    <message>
        <source>Copied the PBX configuration of %1 to the clipboard.</source>
        <translation>Kopierte PBX-oppsettet for %1 til utklippstavlen.</translation>
    </message>
    <message>
        <source>The password cannot be read: %1</source>
        <translation>Passordet kan ikke leses: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Avdeling: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-post: %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Opprettet %1</translation>
    </message>
    <message>
        <source>Registration: the PBX registers with this username and password.</source>
        <translation>Registrering: PBX-en registrerer seg med dette brukernavnet og passordet.</translation>
    </message>
    <message>
        <source>Password hidden</source>
        <translation>Passordet er skjult</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Passord: %1</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Vis &amp;passord</translation>
    </message>
    <message>
        <source>Hi&amp;de</source>
        <translation>Skjul &amp;passord</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Vis passordet</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>Skjul passordet</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from this address without registration.</source>
        <translation>IP-autentisering: leverandøren godtar samtaler fra denne adressen uten registrering.</translation>
    </message>
    <message>
        <source>%1, UDP port %2</source>
        <translation>%1, UDP-port %2</translation>
    </message>
    <message>
        <source>SIP username: %1</source>
        <translation>SIP-brukernavn: %1</translation>
    </message>
    <message>
        <source>%1 (defaults shown: %2)</source>
        <translation>%1 (standardverdier vises: %2)</translation>
    </message>
    <message>
        <source>Point the PBX at these servers with the username and password, or paste this ready configuration:</source>
        <translation>Pek PBX-en mot disse serverne med brukernavnet og passordet, eller lim inn dette ferdige oppsettet:</translation>
    </message>
    <message>
        <source>The PBX sends its calls from %1 to these servers, or paste this ready configuration:</source>
        <translation>PBX-en sender samtalene sine fra %1 til disse serverne. Eller lim inn dette ferdige oppsettet:</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month</source>
        <translation>
            <numerusform>%n kanal: %1 per måned</numerusform>
            <numerusform>%n kanaler: %1 per måned</numerusform>
        </translation>
    </message>
    <message>
        <source>Was paid until %1.</source>
        <translation>Kanalene var betalt til %1.</translation>
    </message>
    <message>
        <source>The company balance could not pay the channels&apos; renewal: outgoing calls through this profile stop until the channels are paid. Change the channels to pay now.</source>
        <translation>Firmasaldoen kunne ikke betale fornyelsen av kanalene: utgående samtaler gjennom denne profilen stopper til kanalene er betalt. Endre kanalene for å betale nå.</translation>
    </message>
    <message>
        <source>Paid until %1, then renewed monthly from the company balance.</source>
        <translation>Betalt til %1, fornyes deretter månedlig fra firmasaldoen.</translation>
    </message>
    <message>
        <source>Profile balance: %1</source>
        <translation>Profilsaldo: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Linked accounts (%1)</source>
        <translation>Koblede kontoer (%1)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (nasjonalt: %2)</translation>
    </message>
    <message>
        <source>Numbers (%1)</source>
        <translation>Numre (%1)</translation>
    </message>
    <message>
        <source>No number routes to this profile directly. Numbers of linked accounts route here too.</source>
        <translation>Ingen numre rutes direkte til denne profilen. Numre til koblede kontoer rutes også hit.</translation>
    </message>
    <message>
        <source>Calls to these numbers, and to the numbers of linked accounts, go to this profile&apos;s PBX.</source>
        <translation>Samtaler til disse numrene, og til numrene til koblede kontoer, går til PBX-en for denne profilen.</translation>
    </message>
    <message>
        <source>SIP profile details</source>
        <translation>Detaljer om SIP-profilen</translation>
    </message>
    <message>
        <source>No SIP profile is selected. Create one to connect the office PBX: it gets its own credit, channels, numbers and linked accounts.</source>
        <translation>Ingen SIP-profil er valgt. Opprett en for å koble til kontorets PBX: den får egen kreditt, egne kanaler, numre og koblede kontoer.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Autentisering</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Brukernavn:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passord:</translation>
    </message>
    <message>
        <source>Allowed IP:</source>
        <translation>Tillatt IP-adresse:</translation>
    </message>
    <message>
        <source>Address warning</source>
        <translation>Adresseadvarsel</translation>
    </message>
    <message>
        <source>PBX data</source>
        <translation>PBX-data</translation>
    </message>
    <message>
        <source>Provider SIP servers:</source>
        <translation>Leverandørens SIP-servere:</translation>
    </message>
    <message>
        <source>Outgoing calls</source>
        <translation>Utgående samtaler</translation>
    </message>
    <message>
        <source>Channels not paid</source>
        <translation>Kanalene er ikke betalt</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Calls through this profile are paid from its own credit. Credit allocated to it cannot be taken back; it returns to the company balance only when the profile is deleted.</source>
        <translation>Samtaler gjennom denne profilen betales med profilens egen kreditt. Kreditt som er tildelt profilen, kan ikke tas tilbake; den går tilbake til firmasaldoen først når profilen slettes.</translation>
    </message>
    <message>
        <source>Calls to a linked account and to its numbers go to this profile&apos;s PBX (to the extension, if set). A linked account cannot be used to sign in.</source>
        <translation>Samtaler til en koblet konto og til numrene dens går til PBX-en for denne profilen (til internnummeret, hvis det er angitt). En koblet konto kan ikke brukes til pålogging.</translation>
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
        <source>Extension</source>
        <translation>Internnummer</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Koblede kontoer</translation>
    </message>
    <message>
        <source>Numbers of the profile</source>
        <translation>Profilens numre</translation>
    </message>
    <message>
        <source>US minute bundles</source>
        <translation>USA-minuttpakker</translation>
    </message>
    <message>
        <source>%1 a month: channels %2 and US minute bundles %3</source>
        <translation>%1 per måned: kanaler %2 og USA-minuttpakker %3</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 per måned</translation>
    </message>
    <message>
        <source>Outgoing calls: %1</source>
        <translation>Utgående samtaler: %1</translation>
    </message>
    <message>
        <source>No US minute bundles.</source>
        <translation>Ingen USA-minuttpakker.</translation>
    </message>
    <message>
        <source>US calls are charged at the standard rates.</source>
        <translation>Samtaler til USA belastes etter standardtakstene.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) at %1 each: %2 a month</source>
        <translation>
            <numerusform>%n pakke à %1: %2 per måned</numerusform>
            <numerusform>%n pakker à %1: %2 per måned</numerusform>
        </translation>
    </message>
    <message>
        <source>Minutes used: %1 of %2 this period (until %3)</source>
        <translation>Brukte minutter: %1 av %2 i denne perioden (til %3)</translation>
    </message>
    <message>
        <source>Cancelled: usable until %1, then they expire.</source>
        <translation>Sagt opp: kan brukes til %1, utløper deretter.</translation>
    </message>
    <message>
        <source>Next payment: %1, from this profile&apos;s balance.</source>
        <translation>Neste betaling: %1, fra saldoen til denne profilen.</translation>
    </message>
    <message>
        <source>Each bundle gives 5000 minutes a month of calls to US mobiles and landlines, paid from this profile&apos;s credit; at most one per channel. Unused minutes expire at the renewal; US calls beyond them are charged at the standard rates.</source>
        <translation>Hver pakke gir 5000 minutter i måneden med samtaler til mobil- og fasttelefoner i USA, betalt med kreditten til denne profilen; høyst én pakke per kanal. Ubrukte minutter utløper ved fornyelsen; samtaler til USA utover dem belastes etter standardtakstene.</translation>
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
        <translation>Påloggingsopplysningene ble sendt til %1.</translation>
    </message>
    <message>
        <source>Sent the credentials of %1 to %2.</source>
        <translation>Sendte påloggingsopplysningene for %1 til %2.</translation>
    </message>
    <message>
        <source>The credentials were not sent: %1</source>
        <translation>Påloggingsopplysningene ble ikke sendt: %1</translation>
    </message>
    <message>
        <source>Sending the credentials to %1…</source>
        <translation>Sender påloggingsopplysningene til %1 …</translation>
    </message>
    <message>
        <source>This profile has no e-mail address to send its credentials to.</source>
        <translation>Denne profilen har ingen e-postadresse å sende påloggingsopplysningene til.</translation>
    </message>
    <message>
        <source>Mails the username, password, SIP servers and PBX configuration to %1.</source>
        <translation>Sender brukernavnet, passordet, SIP-serverne og PBX-oppsettet på e-post til %1.</translation>
    </message>
    <message>
        <source>PBX %1</source>
        <translation>PBX %1</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Leverandør %1</translation>
    </message>
    <message>
        <source>The last check cannot be read: %1</source>
        <translation>Den siste kontrollen kan ikke leses: %1</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Ikke kontrollert ennå.</translation>
    </message>
    <message>
        <source>Checked %1:
%2</source>
        <translation>Kontrollert %1:
%2</translation>
    </message>
    <message>
        <source>Checking the trunk of %1…</source>
        <translation>Kontrollerer trunken til %1 …</translation>
    </message>
    <message>
        <source>The trunk could not be checked: %1</source>
        <translation>Trunken kunne ikke kontrolleres: %1</translation>
    </message>
    <message>
        <source>Checked the trunk of %1: %2 of %3 servers answered OK.</source>
        <translation>Kontrollerte trunken til %1: %2 av %3 servere svarte OK.</translation>
    </message>
    <message>
        <source>Send the credentials &amp;again</source>
        <translation>Send på&amp;loggingsopplysningene igjen</translation>
    </message>
    <message>
        <source>Send the credentials again</source>
        <translation>Send påloggingsopplysningene igjen</translation>
    </message>
    <message>
        <source>Check the &amp;trunk</source>
        <translation>Kontroller t&amp;runken</translation>
    </message>
    <message>
        <source>Check the trunk</source>
        <translation>Kontroller trunken</translation>
    </message>
    <message>
        <source>Sends SIP OPTIONS to the PBX (IP authentication) and to the provider&apos;s servers, and shows who answers and how fast.</source>
        <translation>Sender SIP OPTIONS til PBX-en (IP-autentisering) og til leverandørens servere, og viser hvem som svarer og hvor raskt.</translation>
    </message>
    <message>
        <source>Provider SIP servers</source>
        <translation>Leverandørens SIP-servere</translation>
    </message>
</context>
<context>
    <name>sb::ui::SipProfilesPage</name>
    <message numerus="yes">
        <source>%n SIP profile(s)</source>
        <translation>
            <numerusform>%n SIP-profil</numerusform>
            <numerusform>%n SIP-profiler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SIP profile(s) found</source>
        <translation>
            <numerusform>%n SIP-profil funnet</numerusform>
            <numerusform>%n SIP-profiler funnet</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profiles cannot be shown: %1</source>
        <translation>SIP-profilene kan ikke vises: %1</translation>
    </message>
    <message numerus="yes">
        <source>Created the SIP profile %1 with %n channel(s), paid %2 until %3. Company balance: %4.</source>
        <translation>
            <numerusform>Opprettet SIP-profilen %1 med %n kanal, betalte %2 for perioden til %3. Firmasaldo: %4.</numerusform>
            <numerusform>Opprettet SIP-profilen %1 med %n kanaler, betalte %2 for perioden til %3. Firmasaldo: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed the SIP profile %1 to %2.</source>
        <translation>Endret navnet på SIP-profilen %1 til %2.</translation>
    </message>
    <message>
        <source>Export call history</source>
        <translation>Eksporter samtalehistorikk</translation>
    </message>
    <message>
        <source>%1-calls.csv</source>
        <translation>%1-samtaler.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Allocated %1 to the SIP profile %2; its balance is now %3. Company balance: %4.</source>
        <translation>Tildelte %1 til SIP-profilen %2; saldoen er nå %3. Firmasaldo: %4.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n channel(s): paid %2 now, renewed on %3.</source>
        <translation>
            <numerusform>%1 har nå %n kanal: betalte %2 nå, fornyes %3.</numerusform>
            <numerusform>%1 har nå %n kanaler: betalte %2 nå, fornyes %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked %1 to the SIP profile %2; it cannot sign in while linked.</source>
        <translation>Koblet %1 til SIP-profilen %2; kontoen kan ikke brukes til pålogging mens den er koblet.</translation>
    </message>
    <message>
        <source>Linked %1 to the SIP profile %2 at extension %3; it cannot sign in while linked.</source>
        <translation>Koblet %1 til SIP-profilen %2 på internnummer %3; kontoen kan ikke brukes til pålogging mens den er koblet.</translation>
    </message>
    <message>
        <source>Unlink account</source>
        <translation>Koble fra konto</translation>
    </message>
    <message>
        <source>Unlink %1 from the SIP profile %2?</source>
        <translation>Koble %1 fra SIP-profilen %2?</translation>
    </message>
    <message>
        <source>Calls to the account and to its numbers no longer go to the PBX of %1, and the account can sign in again.</source>
        <translation>Samtaler til kontoen og til numrene dens går ikke lenger til PBX-en for %1, og kontoen kan brukes til pålogging igjen.</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>Koble &amp;fra</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Koble fra</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Unlinked %1 from the SIP profile %2; it can sign in again.</source>
        <translation>Koblet %1 fra SIP-profilen %2; kontoen kan brukes til pålogging igjen.</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>SIP-profiler</translation>
    </message>
    <message>
        <source>Search by name or department (Ctrl+F)</source>
        <translation>Søk etter navn eller avdeling (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search SIP profiles</source>
        <translation>Søk i SIP-profiler</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Create SIP profile…</source>
        <translation>&amp;Opprett SIP-profil …</translation>
    </message>
    <message>
        <source>Create a SIP profile for a PBX</source>
        <translation>Opprett en SIP-profil for en PBX</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Gi nytt navn …</translation>
    </message>
    <message>
        <source>Rename the selected SIP profile</source>
        <translation>Gi den valgte SIP-profilen nytt navn</translation>
    </message>
    <message>
        <source>&amp;Delete SIP profile…</source>
        <translation>&amp;Slett SIP-profil …</translation>
    </message>
    <message>
        <source>Delete the selected SIP profile, after showing what happens</source>
        <translation>Slett den valgte SIP-profilen etter å ha vist hva som skjer</translation>
    </message>
    <message>
        <source>Allocate c&amp;redit…</source>
        <translation>Tildel &amp;kreditt …</translation>
    </message>
    <message>
        <source>Give credit from the company balance to the SIP profile</source>
        <translation>Gi kreditt fra firmasaldoen til SIP-profilen</translation>
    </message>
    <message>
        <source>C&amp;hange channels…</source>
        <translation>&amp;Endre kanaler …</translation>
    </message>
    <message>
        <source>Change how many calls the SIP profile can make at once</source>
        <translation>Endre hvor mange samtaler SIP-profilen kan føre samtidig</translation>
    </message>
    <message>
        <source>&amp;Link account…</source>
        <translation>Koble &amp;til konto …</translation>
    </message>
    <message>
        <source>Send a member account&apos;s incoming calls to the SIP profile</source>
        <translation>Send innkommende samtaler til en medlemskonto til SIP-profilen</translation>
    </message>
    <message>
        <source>&amp;Unlink account…</source>
        <translation>Koble &amp;fra konto …</translation>
    </message>
    <message>
        <source>Unlink the account selected in the details</source>
        <translation>Koble fra kontoen som er valgt i detaljene</translation>
    </message>
    <message>
        <source>&amp;Buy a number…</source>
        <translation>Kjøp et &amp;nummer …</translation>
    </message>
    <message>
        <source>Buy a number that routes to the SIP profile</source>
        <translation>Kjøp et nummer som rutes til SIP-profilen</translation>
    </message>
    <message>
        <source>&amp;Add bundles…</source>
        <translation>Legg til &amp;pakker …</translation>
    </message>
    <message>
        <source>Chan&amp;ge bundles…</source>
        <translation>En&amp;dre pakker …</translation>
    </message>
    <message>
        <source>Cancel bundle&amp;s…</source>
        <translation>S&amp;i opp pakker …</translation>
    </message>
    <message>
        <source>&amp;Extend bundles…</source>
        <translation>&amp;Utvid pakker …</translation>
    </message>
    <message>
        <source>Select a SIP profile first.</source>
        <translation>Velg en SIP-profil først.</translation>
    </message>
    <message>
        <source>Buy US minute bundles for the SIP profile</source>
        <translation>Kjøp USA-minuttpakker til SIP-profilen</translation>
    </message>
    <message>
        <source>The profile already has bundles: change them instead.</source>
        <translation>Profilen har allerede pakker: endre dem i stedet.</translation>
    </message>
    <message>
        <source>Change the number of bundles; the unused minutes are refunded</source>
        <translation>Endre antall pakker; de ubrukte minuttene refunderes</translation>
    </message>
    <message>
        <source>The profile has no bundles: add them first.</source>
        <translation>Profilen har ingen pakker: legg til pakker først.</translation>
    </message>
    <message>
        <source>Cancel the bundles: usable until the end of the period, not renewed</source>
        <translation>Si opp pakkene: de kan brukes til slutten av perioden og fornyes ikke</translation>
    </message>
    <message>
        <source>Already cancelled: usable until %1.</source>
        <translation>Allerede sagt opp: kan brukes til %1.</translation>
    </message>
    <message>
        <source>The profile has no bundles.</source>
        <translation>Profilen har ingen pakker.</translation>
    </message>
    <message>
        <source>Pay the next month of the bundles now</source>
        <translation>Betal neste måned for pakkene nå</translation>
    </message>
    <message>
        <source>Bundles can be extended only within %1 days of the end of their paid time (%2), from %3.</source>
        <translation>Pakkene kan bare utvides i løpet av de siste %1 dagene før den betalte perioden slutter (%2), altså fra %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n US minute bundle(s): %2 refunded for unused minutes, %3 paid until %4.</source>
        <translation>
            <numerusform>%1 har nå %n USA-minuttpakke: %2 refundert for ubrukte minutter, %3 betalt for perioden til %4.</numerusform>
            <numerusform>%1 har nå %n USA-minuttpakker: %2 refundert for ubrukte minutter, %3 betalt for perioden til %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n US minute bundle(s): %2 paid until %3.</source>
        <translation>
            <numerusform>%1 har nå %n USA-minuttpakke: %2 betalt for perioden til %3.</numerusform>
            <numerusform>%1 har nå %n USA-minuttpakker: %2 betalt for perioden til %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behold dem</translation>
    </message>
    <message>
        <source>Cancel US minute bundles</source>
        <translation>Si opp USA-minuttpakker</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %n US minute bundle(s) of %1?</source>
        <translation>
            <numerusform>Si opp %n USA-minuttpakke for %1?</numerusform>
            <numerusform>Si opp %n USA-minuttpakker for %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay usable until %1 and are not renewed; nothing is refunded.</source>
        <translation>Pakkene kan brukes til %1 og fornyes ikke; ingenting refunderes.</translation>
    </message>
    <message>
        <source>&amp;Cancel bundles</source>
        <translation>&amp;Si opp pakkene</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are cancelled: usable until %2.</source>
        <translation>USA-minuttpakkene til %1 er sagt opp: de kan brukes til %2.</translation>
    </message>
    <message>
        <source>Extend US minute bundles</source>
        <translation>Utvid USA-minuttpakker</translation>
    </message>
    <message numerus="yes">
        <source>Extend the %n US minute bundle(s) of %1 by a month?</source>
        <translation>
            <numerusform>Utvid %n USA-minuttpakke for %1 med en måned?</numerusform>
            <numerusform>Utvid %n USA-minuttpakker for %1 med en måned?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is paid now from the profile&apos;s balance; they then run until %2.</source>
        <translation>%1 betales nå fra saldoen til profilen; pakkene gjelder deretter til %2.</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Utvid</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are extended: %2 paid; next payment %3.</source>
        <translation>USA-minuttpakkene til %1 er utvidet: %2 betalt; neste betaling %3.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number(s) back in the pool, %4 unlinked, %5 deleted.</source>
        <translation>
            <numerusform>Slettet SIP-profilen %1: %2 tilbake til firmasaldoen (nå %3), %n nummer tilbake i beholdningen, %4 koblet fra, %5 slettet.</numerusform>
            <numerusform>Slettet SIP-profilen %1: %2 tilbake til firmasaldoen (nå %3), %n numre tilbake i beholdningen, %4 koblet fra, %5 slettet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n konto</numerusform>
            <numerusform>%n kontoer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln samtale</numerusform>
            <numerusform>%Ln samtaler</numerusform>
        </translation>
    </message>
    <message>
        <source>No SIP profiles yet</source>
        <translation>Ingen SIP-profiler ennå</translation>
    </message>
    <message>
        <source>A SIP profile is one SIP trunk to the office PBX, with its own credit and channels. Create one to connect the PBX.</source>
        <translation>En SIP-profil er én SIP-trunk til kontorets PBX, med egen kreditt og egne kanaler. Opprett en for å koble til PBX-en.</translation>
    </message>
</context>
<context>
    <name>sb::ui::StatementDialog</name>
    <message>
        <source>Save the statement as PDF</source>
        <translation>Lagre kontoutskriften som PDF</translation>
    </message>
    <message>
        <source>statement-%1.pdf</source>
        <translation>kontoutskrift-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Save the statement as CSV</source>
        <translation>Lagre kontoutskriften som CSV</translation>
    </message>
    <message>
        <source>statement-%1.csv</source>
        <translation>kontoutskrift-%1.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Skriver %1 …</translation>
    </message>
    <message>
        <source>Statement saved to %1.</source>
        <translation>Kontoutskriften ble lagret i %1.</translation>
    </message>
    <message>
        <source>Print the statement</source>
        <translation>Skriv ut kontoutskriften</translation>
    </message>
    <message>
        <source>“%1” sent to the printer.</source>
        <translation>«%1» ble sendt til skriveren.</translation>
    </message>
    <message>
        <source>Monthly statement</source>
        <translation>Månedlig kontoutskrift</translation>
    </message>
    <message>
        <source>&amp;Month (UTC):</source>
        <translation>&amp;Måned (UTC):</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Lagre &amp;PDF …</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>Lagre &amp;CSV …</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Skriv &amp;ut …</translation>
    </message>
    <message numerus="yes">
        <source>Company balance: %1 at the start of the month, %2 at its end.
Topped up %3; allocated %4 (auto-recharges included); returned %5.
Spent %6: numbers %7, channels %8, bundles %9, calls %10.
%Ln SIP profile(s) and %11 in the statement.</source>
        <translation>
            <numerusform>Firmasaldo: %1 ved månedens start, %2 ved slutten.
Fylt på %3; tildelt %4 (automatiske påfyll medregnet); kreditt returnert %5.
Brukt %6: numre %7, kanaler %8, pakker %9, samtaler %10.
Kontoutskriften omfatter %Ln SIP-profil og %11.</numerusform>
            <numerusform>Firmasaldo: %1 ved månedens start, %2 ved slutten.
Fylt på %3; tildelt %4 (automatiske påfyll medregnet); kreditt returnert %5.
Brukt %6: numre %7, kanaler %8, pakker %9, samtaler %10.
Kontoutskriften omfatter %Ln SIP-profiler og %11.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln medlem</numerusform>
            <numerusform>%Ln medlemmer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::TablePage</name>
    <message>
        <source>Columns</source>
        <translation>Kolonner</translation>
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
