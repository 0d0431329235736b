<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl">
<context>
    <name>main</name>
    <message>
        <source>Switchboard cannot start</source>
        <translation>Nie można uruchomić Switchboard</translation>
    </message>
</context>
<context>
    <name>sb::ActivityLog</name>
    <message>
        <source>Company top-up</source>
        <translation>Doładowanie salda firmy</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Dodano członka</translation>
    </message>
    <message>
        <source>Members imported</source>
        <translation>Zaimportowano członków</translation>
    </message>
    <message>
        <source>Credit allocated</source>
        <translation>Przydzielono środki</translation>
    </message>
    <message>
        <source>Member charged</source>
        <translation>Obciążono członka</translation>
    </message>
    <message>
        <source>Auto-recharge enabled</source>
        <translation>Włączono automatyczne doładowanie</translation>
    </message>
    <message>
        <source>Auto-recharge turned off</source>
        <translation>Wyłączono automatyczne doładowanie</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Automatyczne doładowanie</translation>
    </message>
    <message>
        <source>Auto-recharge not paid</source>
        <translation>Automatyczne doładowanie nieopłacone</translation>
    </message>
    <message>
        <source>Auto-recharge suspended</source>
        <translation>Automatyczne doładowanie wstrzymane</translation>
    </message>
    <message>
        <source>Auto-recharge resumed</source>
        <translation>Automatyczne doładowanie wznowione</translation>
    </message>
    <message>
        <source>Demo data generated</source>
        <translation>Utworzono dane demonstracyjne</translation>
    </message>
    <message>
        <source>Top-up of %1, reference %2</source>
        <translation>Doładowanie kwotą %1, numer referencyjny %2</translation>
    </message>
    <message>
        <source>Top-up of %1</source>
        <translation>Doładowanie kwotą %1</translation>
    </message>
    <message>
        <source>Added member %1 (%2)</source>
        <translation>Dodano członka %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>Zaimportowano %n członka</numerusform>
            <numerusform>Zaimportowano %n członków</numerusform>
            <numerusform>Zaimportowano %n członków</numerusform>
        </translation>
    </message>
    <message>
        <source>Allocated %1 to %2; new balance %3</source>
        <translation>Przydzielono %1 na konto %2; nowe saldo: %3</translation>
    </message>
    <message>
        <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
        <translation>Automatyczne doładowanie dla %1: %2, gdy saldo spadnie poniżej %3, najwyżej %4 miesięcznie</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1</source>
        <translation>Wyłączono automatyczne doładowanie dla %1</translation>
    </message>
    <message>
        <source>Recharged %1 with %2; new balance %3</source>
        <translation>Doładowano konto %1 kwotą %2; nowe saldo: %3</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Saldo firmy (%1) nie wystarcza na automatyczne doładowanie kwotą %2 dla konta %3.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>Osiągnięto miesięczny limit doładowań %1 dla konta %2; automatyczne doładowanie jest wstrzymane do %3.</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 resumed for the new month</source>
        <translation>Wznowiono automatyczne doładowanie konta %1 na nowy miesiąc</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n demo member(s)</source>
        <translation>
            <numerusform>Wygenerowano %n członka demonstracyjnego</numerusform>
            <numerusform>Wygenerowano %n członków demonstracyjnych</numerusform>
            <numerusform>Wygenerowano %n członków demonstracyjnych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %1 for %2 (%n month(s), %3); renews on %4</source>
        <translation>
            <numerusform>Kupiono %1 (posiadacz: %2, %n miesiąc, %3); odnowienie %4</numerusform>
            <numerusform>Kupiono %1 (posiadacz: %2, %n miesiące, %3); odnowienie %4</numerusform>
            <numerusform>Kupiono %1 (posiadacz: %2, %n miesięcy, %3); odnowienie %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3</source>
        <translation>Ponownie przypisano %1: %2 → %3</translation>
    </message>
    <message>
        <source>Assigned %1 from the company&apos;s pool to %2</source>
        <translation>Przypisano %1: pula firmy → %2</translation>
    </message>
    <message>
        <source>Cancelled %1; usable until %2, then released, no refund</source>
        <translation>Anulowano %1; numer działa do %2, potem zostanie zwolniony, bez zwrotu środków</translation>
    </message>
    <message>
        <source>%1 was cancelled; its period ended on %2 and it returned to the pool</source>
        <translation>Numer %1 był anulowany; jego okres zakończył się %2 i numer wrócił do puli firmy</translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation>Nie można było odnowić numeru %1: saldo firmy (%2) nie wystarcza na %3. Numer wygasł i wrócił do puli firmy.</translation>
    </message>
    <message>
        <source>Renewed %1 for %2; next renewal on %3</source>
        <translation>Odnowiono %1 za %2; następne odnowienie %3</translation>
    </message>
    <message>
        <source>IP authentication from %1:%2</source>
        <translation>uwierzytelnianie IP z adresu %1:%2</translation>
    </message>
    <message>
        <source>registration as %1</source>
        <translation>rejestracja jako %1</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 (%2) with %n channel(s), paid %3</source>
        <translation>
            <numerusform>Utworzono profil SIP %1 (%2) z %n kanałem, zapłacono %3</numerusform>
            <numerusform>Utworzono profil SIP %1 (%2) z %n kanałami, zapłacono %3</numerusform>
            <numerusform>Utworzono profil SIP %1 (%2) z %n kanałami, zapłacono %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed SIP profile %1 to %2</source>
        <translation>Zmieniono nazwę profilu SIP %1 na %2</translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
        <translation>Zmieniono liczbę kanałów profilu %1 z %2 na %3; zapłacono %4 za okres do %5</translation>
    </message>
    <message>
        <source>Allocated %1 to SIP profile %2; new balance %3</source>
        <translation>Przydzielono %1 do profilu SIP %2; nowe saldo: %3</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
        <translation>Skojarzono konto %1 z profilem SIP %2 (numer wewnętrzny %3); logowanie wyłączone</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2; sign-in disabled</source>
        <translation>Skojarzono konto %1 z profilem SIP %2; logowanie wyłączone</translation>
    </message>
    <message>
        <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
        <translation>Usunięto skojarzenie konta %1 z profilem SIP %2; logowanie przywrócone</translation>
    </message>
    <message>
        <source>Deleted SIP profile %1. Returned to the company: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5</source>
        <translation>Usunięto profil SIP %1. Zwrócono firmie: %2; numery zwrócone do puli: %3; konta bez skojarzenia: %4; usunięte rekordy połączeń: %5</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>Nie można było odnowić kanałów profilu %1: saldo firmy (%2) nie wystarcza na %3. Połączenia wychodzące przez ten profil są wstrzymane do czasu opłacenia kanałów.</translation>
    </message>
    <message>
        <source>Bought a number</source>
        <translation>Kupiono numer</translation>
    </message>
    <message>
        <source>Number assigned</source>
        <translation>Przypisano numer</translation>
    </message>
    <message>
        <source>Number cancelled</source>
        <translation>Anulowano numer</translation>
    </message>
    <message>
        <source>Number released</source>
        <translation>Zwolniono numer</translation>
    </message>
    <message>
        <source>Number expired</source>
        <translation>Numer wygasł</translation>
    </message>
    <message>
        <source>Number renewed</source>
        <translation>Odnowiono numer</translation>
    </message>
    <message>
        <source>SIP profile created</source>
        <translation>Utworzono profil SIP</translation>
    </message>
    <message>
        <source>SIP profile renamed</source>
        <translation>Zmieniono nazwę profilu SIP</translation>
    </message>
    <message>
        <source>Channels changed</source>
        <translation>Zmieniono liczbę kanałów</translation>
    </message>
    <message>
        <source>Credit allocated to a SIP profile</source>
        <translation>Przydzielono środki profilowi SIP</translation>
    </message>
    <message>
        <source>Account linked</source>
        <translation>Skojarzono konto</translation>
    </message>
    <message>
        <source>Account unlinked</source>
        <translation>Usunięto skojarzenie konta</translation>
    </message>
    <message>
        <source>SIP profile deleted</source>
        <translation>Usunięto profil SIP</translation>
    </message>
    <message>
        <source>Channels not renewed</source>
        <translation>Nie odnowiono kanałów</translation>
    </message>
    <message>
        <source>Call records imported</source>
        <translation>Zaimportowano rekordy połączeń</translation>
    </message>
    <message>
        <source>Imported the price list %1 in place of the one in force: number prices for %2 countries, %3 per-minute rates</source>
        <translation>Zaimportowano cennik %1 w miejsce obowiązującego: ceny numerów dla krajów: %2, stawki za minutę: %3</translation>
    </message>
    <message numerus="yes">
        <source>Added %n US minute bundle(s) to %1; paid %2 until %3</source>
        <translation>
            <numerusform>Profil %1: dodano %n pakiet minut do USA; zapłacono %2 za okres do %3</numerusform>
            <numerusform>Profil %1: dodano %n pakiety minut do USA; zapłacono %2 za okres do %3</numerusform>
            <numerusform>Profil %1: dodano %n pakietów minut do USA; zapłacono %2 za okres do %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed the US minute bundles of %1 from %2 to %3; refunded %4 for unused minutes, paid %5 until %6</source>
        <translation>Zmieniono liczbę pakietów minut do USA profilu %1 z %2 na %3; zwrócono %4 za niewykorzystane minuty, zapłacono %5 za okres do %6</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n US minute bundle(s) of %1; usable until %2</source>
        <translation>
            <numerusform>Profil %1: anulowano %n pakiet minut do USA; działa do %2</numerusform>
            <numerusform>Profil %1: anulowano %n pakiety minut do USA; działają do %2</numerusform>
            <numerusform>Profil %1: anulowano %n pakietów minut do USA; działają do %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extended %n US minute bundle(s) of %1 by a month; paid %2, next payment %3</source>
        <translation>
            <numerusform>Profil %1: przedłużono %n pakiet minut do USA o miesiąc; zapłacono %2, następna płatność %3</numerusform>
            <numerusform>Profil %1: przedłużono %n pakiety minut do USA o miesiąc; zapłacono %2, następna płatność %3</numerusform>
            <numerusform>Profil %1: przedłużono %n pakietów minut do USA o miesiąc; zapłacono %2, następna płatność %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewed %n US minute bundle(s) of %1; paid %2 until %3</source>
        <translation>
            <numerusform>Profil %1: odnowiono %n pakiet minut do USA; zapłacono %2 za okres do %3</numerusform>
            <numerusform>Profil %1: odnowiono %n pakiety minut do USA; zapłacono %2 za okres do %3</numerusform>
            <numerusform>Profil %1: odnowiono %n pakietów minut do USA; zapłacono %2 za okres do %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3)</source>
        <translation>
            <numerusform>%n pakiet minut do USA profilu %1 wygasł: saldo profilu (%2) nie wystarcza na odnowienie (%3)</numerusform>
            <numerusform>%n pakiety minut do USA profilu %1 wygasły: saldo profilu (%2) nie wystarcza na odnowienie (%3)</numerusform>
            <numerusform>%n pakietów minut do USA profilu %1 wygasło: saldo profilu (%2) nie wystarcza na odnowienie (%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Price list imported</source>
        <translation>Zaimportowano cennik</translation>
    </message>
    <message>
        <source>Bundles added</source>
        <translation>Dodano pakiety</translation>
    </message>
    <message>
        <source>Bundles changed</source>
        <translation>Zmieniono pakiety</translation>
    </message>
    <message>
        <source>Bundles cancelled</source>
        <translation>Anulowano pakiety</translation>
    </message>
    <message>
        <source>Bundles extended</source>
        <translation>Przedłużono pakiety</translation>
    </message>
    <message>
        <source>Bundles renewed</source>
        <translation>Odnowiono pakiety</translation>
    </message>
    <message>
        <source>Bundles lapsed</source>
        <translation>Pakiety wygasły</translation>
    </message>
    <message>
        <source>Changed the country of %1 from %2 to %3</source>
        <translation>Zmieniono kraj konta %1 z %2 na %3</translation>
    </message>
    <message>
        <source>Changed the country of SIP profile %1 from %2 to %3</source>
        <translation>Zmieniono kraj profilu SIP %1 z %2 na %3</translation>
    </message>
    <message>
        <source>Member&apos;s country changed</source>
        <translation>Zmieniono kraj członka</translation>
    </message>
    <message>
        <source>SIP profile&apos;s country changed</source>
        <translation>Zmieniono kraj profilu SIP</translation>
    </message>
    <message>
        <source>Mail server set to %1, port %2 (%3), sender %4, login as %5</source>
        <translation>Ustawiono serwer poczty %1, port %2 (%3), nadawca %4, logowanie jako %5</translation>
    </message>
    <message>
        <source>Mail server set to %1, port %2 (%3), sender %4, without login</source>
        <translation>Ustawiono serwer poczty %1, port %2 (%3), nadawca %4, bez logowania</translation>
    </message>
    <message>
        <source>Mail server %1 removed</source>
        <translation>Usunięto serwer poczty %1</translation>
    </message>
    <message>
        <source>Sent the credentials of SIP profile %1 to %2</source>
        <translation>Wysłano poświadczenia profilu SIP %1 na adres %2</translation>
    </message>
    <message>
        <source>Mail server set</source>
        <translation>Ustawiono serwer poczty</translation>
    </message>
    <message>
        <source>Mail server removed</source>
        <translation>Usunięto serwer poczty</translation>
    </message>
    <message>
        <source>Credentials sent</source>
        <translation>Wysłano poświadczenia</translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; credited %4 for the unused days, paid %5 until %6</source>
        <translation>Zmieniono liczbę kanałów profilu %1 z %2 na %3; zwrócono %4 za niewykorzystane dni, zapłacono %5 za okres do %6</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n call record(s) from %1 and charged %2; duplicates skipped: %3; lines not imported: %4</source>
        <translation>
            <numerusform>Zaimportowano %n rekord połączenia z %1 i naliczono %2; pominięte duplikaty: %3; niezaimportowane wiersze: %4</numerusform>
            <numerusform>Zaimportowano %n rekordy połączeń z %1 i naliczono %2; pominięte duplikaty: %3; niezaimportowane wiersze: %4</numerusform>
            <numerusform>Zaimportowano %n rekordów połączeń z %1 i naliczono %2; pominięte duplikaty: %3; niezaimportowane wiersze: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Czynność</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Dotyczy</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
</context>
<context>
    <name>sb::AdviceService</name>
    <message>
        <source>There is no SIP profile with id %1.</source>
        <translation>Nie ma profilu SIP o identyfikatorze %1.</translation>
    </message>
</context>
<context>
    <name>sb::AttentionModel</name>
    <message>
        <source>Urgent</source>
        <translation>Pilne</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Wkrótce</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Informacja</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Pilność</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Dotyczy</translation>
    </message>
    <message>
        <source>What needs you</source>
        <translation>Co wymaga uwagi</translation>
    </message>
</context>
<context>
    <name>sb::AttentionService</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… i jeszcze %n.</numerusform>
            <numerusform>… i jeszcze %n.</numerusform>
            <numerusform>… i jeszcze %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 owes %2.</source>
        <translation>Zadłużenie konta %1: %2.</translation>
    </message>
    <message>
        <source>SIP profile %1 owes %2.</source>
        <translation>Zadłużenie profilu SIP %1: %2.</translation>
    </message>
    <message>
        <source>SIP profile %1 has no credit: its calls will be owed.</source>
        <translation>Profil SIP %1 nie ma środków: jego połączenia zwiększą zadłużenie.</translation>
    </message>
    <message>
        <source>%1 has %2 left, less than a usual week of spending (%3).</source>
        <translation>Na koncie %1 zostało %2, mniej niż zwykłe wydatki z jednego tygodnia (%3).</translation>
    </message>
    <message>
        <source>SIP profile %1 has %2 left, less than a usual week of spending (%3).</source>
        <translation>W profilu SIP %1 zostało %2, mniej niż zwykłe wydatki z jednego tygodnia (%3).</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 is suspended until %2: its monthly limit of %3 is reached.</source>
        <translation>Automatyczne doładowanie konta %1 jest wstrzymane do %2: osiągnięto miesięczny limit doładowań %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n numer</numerusform>
            <numerusform>%n numery</numerusform>
            <numerusform>%n numerów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) renew by %1 for %2</source>
        <translation>
            <numerusform>%n numer zostanie odnowiony do %1 za %2</numerusform>
            <numerusform>%n numery zostaną odnowione do %1 za %2</numerusform>
            <numerusform>%n numerów zostanie odnowionych do %1 za %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; the company balance covers them.</source>
        <translation>%1; saldo firmy to pokrywa.</translation>
    </message>
    <message>
        <source>%1; the company balance (%2) does not cover the %3 due this week.</source>
        <translation>%1; saldo firmy (%2) nie pokrywa kwoty %3 należnej w tym tygodniu.</translation>
    </message>
    <message numerus="yes">
        <source>The %n channel(s) of %1 renew on %2 for %3</source>
        <translation>
            <numerusform>%n kanał profilu %1 zostanie odnowiony %2 za %3</numerusform>
            <numerusform>%n kanały profilu %1 zostaną odnowione %2 za %3</numerusform>
            <numerusform>%n kanałów profilu %1 zostanie odnowionych %2 za %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 renew on %2 for %3</source>
        <translation>
            <numerusform>%n pakiet minut do USA profilu %1 zostanie odnowiony %2 za %3</numerusform>
            <numerusform>%n pakiety minut do USA profilu %1 zostaną odnowione %2 za %3</numerusform>
            <numerusform>%n pakietów minut do USA profilu %1 zostanie odnowionych %2 za %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; its balance covers them.</source>
        <translation>%1; saldo profilu to pokrywa.</translation>
    </message>
    <message>
        <source>%1; its balance (%2) does not cover them.</source>
        <translation>%1; saldo profilu (%2) tego nie pokrywa.</translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed on %2: its balance could not pay the renewal.</source>
        <translation>
            <numerusform>%n pakiet minut do USA profilu %1 wygasł %2: saldo nie wystarczyło na odnowienie.</numerusform>
            <numerusform>%n pakiety minut do USA profilu %1 wygasły %2: saldo nie wystarczyło na odnowienie.</numerusform>
            <numerusform>%n pakietów minut do USA profilu %1 wygasło %2: saldo nie wystarczyło na odnowienie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %n channel(s) for its busiest hour (%2 erlangs at 1% blocking); it has %3.</source>
        <translation>
            <numerusform>Profil %1 potrzebuje %n kanału w godzinie największego ruchu (%2 Erl przy blokadzie 1%); ma %3.</numerusform>
            <numerusform>Profil %1 potrzebuje %n kanałów w godzinie największego ruchu (%2 Erl przy blokadzie 1%); ma %3.</numerusform>
            <numerusform>Profil %1 potrzebuje %n kanałów w godzinie największego ruchu (%2 Erl przy blokadzie 1%); ma %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advice for %1: without its %n US minute bundle(s) it would have saved %2 a month.</source>
        <translation>
            <numerusform>Porada dla %1: bez swojego %n pakietu minut do USA zaoszczędziłby %2 miesięcznie.</numerusform>
            <numerusform>Porada dla %1: bez swoich %n pakietów minut do USA zaoszczędziłby %2 miesięcznie.</numerusform>
            <numerusform>Porada dla %1: bez swoich %n pakietów minut do USA zaoszczędziłby %2 miesięcznie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advice for %1: %n US minute bundle(s) instead of %2 would have saved %3 a month.</source>
        <translation>
            <numerusform>Porada dla %1: %n pakiet minut do USA zamiast %2 zaoszczędziłby %3 miesięcznie.</numerusform>
            <numerusform>Porada dla %1: %n pakiety minut do USA zamiast %2 zaoszczędziłyby %3 miesięcznie.</numerusform>
            <numerusform>Porada dla %1: %n pakietów minut do USA zamiast %2 zaoszczędziłoby %3 miesięcznie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::BalanceDisplay</name>
    <message>
        <source>owes %1</source>
        <translation>zadłużenie %1</translation>
    </message>
</context>
<context>
    <name>sb::BalanceHistoryModel</name>
    <message>
        <source>Company balance</source>
        <translation>Saldo firmy</translation>
    </message>
</context>
<context>
    <name>sb::BundleMinutesModel</name>
    <message>
        <source>Minutes used</source>
        <translation>Wykorzystane minuty</translation>
    </message>
    <message>
        <source>Minutes included</source>
        <translation>Minuty w pakietach</translation>
    </message>
    <message numerus="yes">
        <source>%n other profile(s)</source>
        <translation>
            <numerusform>%n inny profil</numerusform>
            <numerusform>%n inne profile</numerusform>
            <numerusform>%n innych profili</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::BundleService</name>
    <message>
        <source>Enter at least one US minute bundle (to end them, cancel them), not %1.</source>
        <translation>Podaj co najmniej jeden pakiet minut do USA (aby z nich zrezygnować, anuluj je), a nie %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n channel(s): it can have at most as many US minute bundles, not %2.</source>
        <translation>
            <numerusform>Profil %1 ma %n kanał: może mieć najwyżej tyle samo pakietów minut do USA, a nie %2.</numerusform>
            <numerusform>Profil %1 ma %n kanały: może mieć najwyżej tyle samo pakietów minut do USA, a nie %2.</numerusform>
            <numerusform>Profil %1 ma %n kanałów: może mieć najwyżej tyle samo pakietów minut do USA, a nie %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n US minute bundle(s), until %2: change them instead.</source>
        <translation>
            <numerusform>Profil %1 ma już %n pakiet minut do USA, ważny do %2: zamiast dodawać, zmień pakiety.</numerusform>
            <numerusform>Profil %1 ma już %n pakiety minut do USA, ważne do %2: zamiast dodawać, zmień pakiety.</numerusform>
            <numerusform>Profil %1 ma już %n pakietów minut do USA, ważnych do %2: zamiast dodawać, zmień pakiety.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). Nothing was bought.</source>
        <translation>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na opłacenie %n pakietu minut do USA przez miesiąc (%3). Nic nie kupiono.</numerusform>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na opłacenie %n pakietów minut do USA przez miesiąc (%3). Nic nie kupiono.</numerusform>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na opłacenie %n pakietów minut do USA przez miesiąc (%3). Nic nie kupiono.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>%n pakiet minut do USA dla %1</numerusform>
            <numerusform>%n pakiety minut do USA dla %1</numerusform>
            <numerusform>%n pakietów minut do USA dla %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to change: add them instead.</source>
        <translation>Profil %1 nie ma pakietów minut do USA do zmiany: najpierw je dodaj.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n US minute bundle(s).</source>
        <translation>
            <numerusform>Profil %1 ma już %n pakiet minut do USA.</numerusform>
            <numerusform>Profil %1 ma już %n pakiety minut do USA.</numerusform>
            <numerusform>Profil %1 ma już %n pakietów minut do USA.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) with the refund of %3 cannot pay %n US minute bundle(s) for a month (%4). The bundles were not changed.</source>
        <translation>
            <numerusform>Saldo profilu %1 (%2) wraz ze zwrotem %3 nie wystarcza na opłacenie %n pakietu minut do USA przez miesiąc (%4). Nie zmieniono pakietów.</numerusform>
            <numerusform>Saldo profilu %1 (%2) wraz ze zwrotem %3 nie wystarcza na opłacenie %n pakietów minut do USA przez miesiąc (%4). Nie zmieniono pakietów.</numerusform>
            <numerusform>Saldo profilu %1 (%2) wraz ze zwrotem %3 nie wystarcza na opłacenie %n pakietów minut do USA przez miesiąc (%4). Nie zmieniono pakietów.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unused US minute bundle minutes of %1: %2</source>
        <translation>Niewykorzystane minuty z pakietów minut do USA profilu %1: %2</translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to cancel.</source>
        <translation>Profil %1 nie ma pakietów minut do USA do anulowania.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are already cancelled; they stay usable until %2.</source>
        <translation>Pakiety minut do USA profilu %1 są już anulowane; działają do %2.</translation>
    </message>
    <message>
        <source>%1 has no US minute bundles to extend.</source>
        <translation>Profil %1 nie ma pakietów minut do USA do przedłużenia.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are paid until %2: they can be extended only within %3 days of that date, from %4.</source>
        <translation>Pakiety minut do USA profilu %1 są opłacone do %2: można je przedłużyć dopiero w ciągu %3 dni przed tą datą, czyli od %4.</translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). The bundles were not extended.</source>
        <translation>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na opłacenie %n pakietu minut do USA przez miesiąc (%3). Nie przedłużono pakietów.</numerusform>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na opłacenie %n pakietów minut do USA przez miesiąc (%3). Nie przedłużono pakietów.</numerusform>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na opłacenie %n pakietów minut do USA przez miesiąc (%3). Nie przedłużono pakietów.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extension of %n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>Przedłużenie %n pakietu minut do USA dla %1</numerusform>
            <numerusform>Przedłużenie %n pakietów minut do USA dla %1</numerusform>
            <numerusform>Przedłużenie %n pakietów minut do USA dla %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3). Allocate credit to the profile and add them again.</source>
        <translation>
            <numerusform>%n pakiet minut do USA profilu %1 wygasł: saldo profilu (%2) nie wystarcza na odnowienie (%3). Przydziel środki profilowi i dodaj pakiety ponownie.</numerusform>
            <numerusform>%n pakiety minut do USA profilu %1 wygasły: saldo profilu (%2) nie wystarcza na odnowienie (%3). Przydziel środki profilowi i dodaj pakiety ponownie.</numerusform>
            <numerusform>%n pakietów minut do USA profilu %1 wygasło: saldo profilu (%2) nie wystarcza na odnowienie (%3). Przydziel środki profilowi i dodaj pakiety ponownie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n US minute bundle(s) for %1</source>
        <translation>
            <numerusform>Odnowienie %n pakietu minut do USA dla %1</numerusform>
            <numerusform>Odnowienie %n pakietów minut do USA dla %1</numerusform>
            <numerusform>Odnowienie %n pakietów minut do USA dla %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::CallHistory</name>
    <message>
        <source>Cannot read the calls: %1</source>
        <translation>Nie można odczytać połączeń: %1</translation>
    </message>
    <message>
        <source>Cannot write the calls: %1</source>
        <translation>Nie można zapisać połączeń: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Anulowano eksport; nie zapisano żadnego pliku.</translation>
    </message>
</context>
<context>
    <name>sb::CallImporter</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Nie można odczytać %1: %2</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Anulowano import; nic nie zostało zmienione.</translation>
    </message>
    <message>
        <source>No rate in the price list for %1; the call was not charged.</source>
        <translation>Brak stawki w cenniku dla %1; nie naliczono opłaty za połączenie.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number; the call was not charged.</source>
        <translation>„%1” nie jest prawidłowym numerem telefonu; nie naliczono opłaty za połączenie.</translation>
    </message>
</context>
<context>
    <name>sb::CallsModel</name>
    <message>
        <source>Charged</source>
        <translation>Opłacone</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nieodebrane</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Wewnętrzne</translation>
    </message>
    <message>
        <source>No rate for this destination</source>
        <translation>Brak stawki dla tego kierunku</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>Nieprawidłowy numer</translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation>Profil SIP %1</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(usunięty)</translation>
    </message>
    <message>
        <source>Dialled %1</source>
        <translation>Wybrany numer: %1</translation>
    </message>
    <message>
        <source>Billable seconds, from answer to hang-up</source>
        <translation>Sekundy do rozliczenia, od odebrania do rozłączenia</translation>
    </message>
    <message>
        <source>Billed minutes: billable seconds rounded up to whole minutes</source>
        <translation>Rozliczone minuty: sekundy do rozliczenia zaokrąglone w górę do pełnych minut</translation>
    </message>
    <message>
        <source>Minutes taken from the SIP profile&apos;s US minute bundles</source>
        <translation>Minuty wykorzystane z pakietów minut do USA profilu SIP</translation>
    </message>
    <message>
        <source>The call at its per-minute rate</source>
        <translation>Cena połączenia według stawki za minutę</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Płatnik</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Kierunek</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Czas trwania</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Rozliczone</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Z pakietu</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Cena</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>%1 (dialled %2)</source>
        <translation>%1 (wybrany: %2)</translation>
    </message>
</context>
<context>
    <name>sb::CdrReader</name>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Nie można odczytać pliku: %1</translation>
    </message>
    <message>
        <source>The record is longer than %1 bytes; perhaps a quote is not closed.</source>
        <translation>Rekord jest dłuższy niż %1 bajtów; być może nie zamknięto cudzysłowu.</translation>
    </message>
    <message>
        <source>The record holds NUL bytes: binary data, not text.</source>
        <translation>Rekord zawiera bajty NUL: to dane binarne, a nie tekst.</translation>
    </message>
    <message>
        <source>A quoted field is not closed before the end of the file.</source>
        <translation>Pole w cudzysłowie nie zostało zamknięte przed końcem pliku.</translation>
    </message>
    <message>
        <source>Column %1 has a quote out of place: a quote must enclose the whole field and be doubled inside it.</source>
        <translation>Kolumna %1 zawiera cudzysłów w niewłaściwym miejscu: cudzysłów musi obejmować całe pole, a wewnątrz pola musi być podwojony.</translation>
    </message>
    <message>
        <source>The record has %1 columns: Asterisk writes 16 to 18, FreeSWITCH 15.</source>
        <translation>Rekord ma nieprawidłową liczbę kolumn (%1): Asterisk zapisuje od 16 do 18, FreeSWITCH 15.</translation>
    </message>
    <message>
        <source>The record has %1 columns: Asterisk writes 16 to 18.</source>
        <translation>Rekord ma nieprawidłową liczbę kolumn (%1): Asterisk zapisuje od 16 do 18.</translation>
    </message>
    <message>
        <source>The record has %1 columns: FreeSWITCH writes 15.</source>
        <translation>Rekord ma nieprawidłową liczbę kolumn (%1): FreeSWITCH zapisuje 15.</translation>
    </message>
    <message>
        <source>Column %1 (%2): %3 does not exist in the time zone %4, whose clocks were put forward then; are the records really in that zone?</source>
        <translation>Kolumna %1 (%2): czas %3 nie istnieje w strefie czasowej %4, w której przestawiono wtedy zegary do przodu; czy rekordy naprawdę są w tej strefie?</translation>
    </message>
    <message>
        <source>Column %1 (%2) is not a time of the form YYYY-MM-DD HH:MM:SS: “%3”.</source>
        <translation>Kolumna %1 (%2) nie zawiera czasu w postaci YYYY-MM-DD HH:MM:SS: „%3”.</translation>
    </message>
    <message>
        <source>Column %1 (%2) is negative: %3.</source>
        <translation>Kolumna %1 (%2) ma wartość ujemną: %3.</translation>
    </message>
    <message>
        <source>Column %1 (%2) is not a whole number of seconds: “%3”.</source>
        <translation>Kolumna %1 (%2) nie zawiera całkowitej liczby sekund: „%3”.</translation>
    </message>
    <message>
        <source>The billed seconds (%1) are more than the call&apos;s duration (%2).</source>
        <translation>Liczba rozliczonych sekund (%1) przekracza czas trwania połączenia (%2).</translation>
    </message>
    <message numerus="yes">
        <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): %n bad record(s) and no good one.</source>
        <translation>
            <numerusform>Plik nie zawiera rekordów połączeń, które program Switchboard może odczytać (cdr_csv z Asterisk lub FreeSWITCH): %n błędny rekord i żadnego poprawnego.</numerusform>
            <numerusform>Plik nie zawiera rekordów połączeń, które program Switchboard może odczytać (cdr_csv z Asterisk lub FreeSWITCH): %n błędne rekordy i żadnego poprawnego.</numerusform>
            <numerusform>Plik nie zawiera rekordów połączeń, które program Switchboard może odczytać (cdr_csv z Asterisk lub FreeSWITCH): %n błędnych rekordów i żadnego poprawnego.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not a text file of call detail records: line %1 holds binary data.</source>
        <translation>Plik nie jest plikiem tekstowym z rekordami połączeń: wiersz %1 zawiera dane binarne.</translation>
    </message>
    <message numerus="yes">
        <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): its first %n record(s) are all bad.</source>
        <translation>
            <numerusform>Plik nie zawiera rekordów połączeń, które program Switchboard może odczytać (cdr_csv z Asterisk lub FreeSWITCH): pierwszy rekord jest błędny (odczytano %n rekord).</numerusform>
            <numerusform>Plik nie zawiera rekordów połączeń, które program Switchboard może odczytać (cdr_csv z Asterisk lub FreeSWITCH): wszystkie %n pierwsze rekordy są błędne.</numerusform>
            <numerusform>Plik nie zawiera rekordów połączeń, które program Switchboard może odczytać (cdr_csv z Asterisk lub FreeSWITCH): wszystkich %n pierwszych rekordów jest błędnych.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column %1 (%2) is not valid UTF-8 text: “%3”.</source>
        <translation>Kolumna %1 (%2) nie jest poprawnym tekstem UTF-8: „%3”.</translation>
    </message>
</context>
<context>
    <name>sb::ChartData</name>
    <message>
        <source>There is no SIP profile with id %1.</source>
        <translation>Nie ma profilu SIP o identyfikatorze %1.</translation>
    </message>
</context>
<context>
    <name>sb::CompanyService</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Kwota musi być większa od zera.</translation>
    </message>
    <message>
        <source>%1 is more than one operation may move (at most %2).</source>
        <translation>%1 to więcej, niż może przenieść jedna operacja (najwyżej %2).</translation>
    </message>
    <message>
        <source>The reference is too long (at most 200 characters).</source>
        <translation>Numer referencyjny jest za długi (najwyżej 200 znaków).</translation>
    </message>
    <message>
        <source>The reference has a line break, tab or other control character: type it on one line.</source>
        <translation>Numer referencyjny zawiera znak nowej linii, tabulator lub inny znak sterujący: wpisz go w jednej linii.</translation>
    </message>
</context>
<context>
    <name>sb::CredentialsMail</name>
    <message>
        <source>Credentials of the SIP profile %1</source>
        <translation>Dane logowania profilu SIP %1</translation>
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
        <translation>Dzień dobry,

przesyłamy dane logowania profilu SIP %1 dla centrali PBX.

Nazwa użytkownika SIP: %2
Hasło SIP: %3

Serwery SIP dostawcy:
%4

Konfiguracja dla centrali PBX Asterisk (PJSIP), gotowa do wklejenia do pliku /etc/asterisk/pjsip.conf:

%5

Prosimy nie udostępniać tej wiadomości nikomu: każdy, kto zna hasło, może wykonywać połączenia na koszt firmy.
</translation>
    </message>
    <message>
        <source>Switchboard test message</source>
        <translation>Wiadomość testowa z programu Switchboard</translation>
    </message>
    <message>
        <source>This is a test message from Switchboard: the mail server %1 (port %2) sends the credentials of SIP profiles.
</source>
        <translation>To jest wiadomość testowa z programu Switchboard: serwer poczty %1 (port %2) wysyła dane logowania profili SIP.
</translation>
    </message>
</context>
<context>
    <name>sb::CreditService</name>
    <message>
        <source>Recharge amount: %1</source>
        <translation>Kwota doładowania: %1</translation>
    </message>
    <message>
        <source>The threshold cannot be negative.</source>
        <translation>Próg nie może być ujemny.</translation>
    </message>
    <message>
        <source>The threshold %1 is too large.</source>
        <translation>Próg %1 jest za wysoki.</translation>
    </message>
    <message>
        <source>Monthly limit: %1</source>
        <translation>Limit miesięczny: %1</translation>
    </message>
    <message>
        <source>The monthly limit (%1) must be at least the recharge amount (%2).</source>
        <translation>Limit miesięczny (%1) musi być co najmniej równy kwocie doładowania (%2).</translation>
    </message>
    <message>
        <source>Choose at least one member.</source>
        <translation>Wybierz co najmniej jednego członka.</translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; is listed more than once.</source>
        <translation>Członek „%1” występuje na liście więcej niż raz.</translation>
    </message>
    <message numerus="yes">
        <source>%1 for each of %n members is more than one operation may move.</source>
        <translation>
            <numerusform>%1 dla %n członka to więcej, niż może przenieść jedna operacja.</numerusform>
            <numerusform>%1 dla każdego z %n członków to więcej, niż może przenieść jedna operacja.</numerusform>
            <numerusform>%1 dla każdego z %n członków to więcej, niż może przenieść jedna operacja.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Nobody was given credit.</source>
        <translation>
            <numerusform>Saldo firmy (%1) nie pokrywa %2 dla %n członka (łącznie %3). Nikomu nie przydzielono środków.</numerusform>
            <numerusform>Saldo firmy (%1) nie pokrywa %2 dla każdego z %n członków (łącznie %3). Nikomu nie przydzielono środków.</numerusform>
            <numerusform>Saldo firmy (%1) nie pokrywa %2 dla każdego z %n członków (łącznie %3). Nikomu nie przydzielono środków.</numerusform>
        </translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Saldo firmy (%1) nie wystarcza na automatyczne doładowanie kwotą %2 dla konta %3.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation>Osiągnięto miesięczny limit doładowań %1 dla konta %2; automatyczne doładowanie jest wstrzymane do %3.</translation>
    </message>
    <message>
        <source>Recharged %1 with %2.</source>
        <translation>Doładowano konto %1 kwotą %2.</translation>
    </message>
    <message>
        <source>The balance of %1 (%2) is too low for a charge of %3.</source>
        <translation>Saldo konta %1 (%2) jest za niskie na obciążenie kwotą %3.</translation>
    </message>
    <message>
        <source>Auto-recharge is not on for %1.</source>
        <translation>Automatyczne doładowanie dla %1 nie jest włączone.</translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3, and %2 owes %4.</source>
        <translation>Osiągnięto miesięczny limit doładowań %1 dla konta %2; automatyczne doładowanie jest wstrzymane do %3, a zadłużenie konta %2 wynosi %4.</translation>
    </message>
</context>
<context>
    <name>sb::Database</name>
    <message>
        <source>No database was given.</source>
        <translation>Nie podano bazy danych.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL address of the form postgresql://user[:password]@host[:port]/database.</source>
        <translation>„%1” nie jest adresem PostgreSQL w postaci postgresql://użytkownik[:hasło]@host[:port]/baza.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>Sterownik PostgreSQL (QPSQL) nie jest zainstalowany.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Nie można utworzyć folderu %1.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Nie można otworzyć bazy danych %1: %2</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Błąd bazy danych: %1</translation>
    </message>
    <message>
        <source>the statement returned no row.</source>
        <translation>instrukcja nie zwróciła żadnego wiersza.</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>Nie można utworzyć bazy danych %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database Switchboard can open: give an SQLite file path or a postgresql://user[:password]@host[:port]/database address.</source>
        <translation>„%1” nie jest bazą danych, którą program Switchboard może otworzyć: podaj ścieżkę pliku SQLite lub adres postgresql://użytkownik[:hasło]@host[:port]/baza.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: create it first, or choose another place for the database.</source>
        <translation>Folder %1 nie istnieje: najpierw go utwórz albo wybierz inne miejsce na bazę danych.</translation>
    </message>
</context>
<context>
    <name>sb::DemoGenerator</name>
    <message>
        <source>Generating the demo was cancelled; nothing was written.</source>
        <translation>Anulowano generowanie danych demonstracyjnych; nic nie zostało zapisane.</translation>
    </message>
    <message>
        <source>The number of demo members must be between 0 and %1.</source>
        <translation>Liczba członków demonstracyjnych musi wynosić od 0 do %1.</translation>
    </message>
    <message>
        <source>The number of demo SIP profiles must be between 0 and %1.</source>
        <translation>Liczba demonstracyjnych profili SIP musi wynosić od 0 do %1.</translation>
    </message>
    <message>
        <source>The number of demo numbers must be between 0 and %1.</source>
        <translation>Liczba numerów demonstracyjnych musi wynosić od 0 do %1.</translation>
    </message>
    <message>
        <source>The number of demo calls must be between 0 and %1.</source>
        <translation>Liczba połączeń demonstracyjnych musi wynosić od 0 do %1.</translation>
    </message>
    <message>
        <source>Demo numbers need members or SIP profiles to hold them.</source>
        <translation>Numery demonstracyjne muszą mieć posiadaczy: członków lub profile SIP.</translation>
    </message>
    <message>
        <source>This database already holds an account (members: %1, SIP profiles: %2, ledger entries: %3): demo data would be mixed into it. Use an empty database for the demo.</source>
        <translation>Ta baza danych zawiera już konto (członkowie: %1, profile SIP: %2, zapisy księgowe: %3): dane demonstracyjne zostałyby z nim wymieszane. Do demonstracji użyj pustej bazy danych.</translation>
    </message>
</context>
<context>
    <name>sb::Ledger</name>
    <message>
        <source>Account %1 does not exist.</source>
        <translation>Konto %1 nie istnieje.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Kwota musi być większa od zera.</translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation>Saldo nie wystarcza na %1.</translation>
    </message>
    <message>
        <source>The amounts add up to more than can be moved at once.</source>
        <translation>Suma kwot przekracza to, co można przenieść za jednym razem.</translation>
    </message>
    <message>
        <source>Account %1 cannot be charged: it is not a member&apos;s or a SIP profile&apos;s.</source>
        <translation>Nie można obciążyć konta %1: nie należy ono do członka ani do profilu SIP.</translation>
    </message>
</context>
<context>
    <name>sb::LedgerBatch</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Kwota musi być większa od zera.</translation>
    </message>
    <message>
        <source>The amounts add up to more than can be moved at once.</source>
        <translation>Suma kwot przekracza to, co można przenieść za jednym razem.</translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation>Saldo nie wystarcza na %1.</translation>
    </message>
</context>
<context>
    <name>sb::LiveChanges</name>
    <message>
        <source>The database driver cannot deliver notifications.</source>
        <translation>Sterownik bazy danych nie może dostarczać powiadomień.</translation>
    </message>
</context>
<context>
    <name>sb::MailSender</name>
    <message>
        <source>No mail server is set: enter one in Settings (or with switchboardctl settings mail).</source>
        <translation>Nie ustawiono serwera poczty: podaj go na stronie Ustawienia (lub za pomocą polecenia switchboardctl settings mail).</translation>
    </message>
    <message>
        <source>A message is already being sent; wait for it.</source>
        <translation>Wiadomość jest już wysyłana; poczekaj, aż wysyłanie się zakończy.</translation>
    </message>
    <message>
        <source>SIP profile %1 authenticates by its IP address: it has no username or password to send.</source>
        <translation>Profil SIP %1 uwierzytelnia się adresem IP: nie ma nazwy użytkownika ani hasła do wysłania.</translation>
    </message>
    <message>
        <source>SIP profile %1 has no e-mail address to send its credentials to.</source>
        <translation>Profil SIP %1 nie ma adresu e-mail, na który można wysłać jego poświadczenia.</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>Nie wysłano wiadomości.</translation>
    </message>
    <message>
        <source>The credentials were sent to %1, but the activity log could not record it: %2</source>
        <translation>Poświadczenia wysłano na adres %1, ale nie udało się tego zapisać w dzienniku zdarzeń: %2</translation>
    </message>
</context>
<context>
    <name>sb::MailSettings</name>
    <message>
        <source>Enter the mail server&apos;s host name.</source>
        <translation>Wprowadź nazwę hosta serwera poczty.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mail server&apos;s host name such as smtp.example.com.</source>
        <translation>„%1” nie jest nazwą hosta serwera poczty (np. smtp.example.com).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address such as name@example.com.</source>
        <translation>„%1” nie jest adresem e-mail (np. name@example.com).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port must be from 1 to 65535, not %1.</source>
        <translation>Port serwera poczty musi mieć wartość od 1 do 65535, a nie %1.</translation>
    </message>
    <message>
        <source>Enter the sender address of the messages.</source>
        <translation>Wprowadź adres nadawcy wiadomości.</translation>
    </message>
    <message>
        <source>Security &quot;none&quot; is only for a mail server on this machine (localhost); use STARTTLS or TLS for %1.</source>
        <translation>Brak zabezpieczeń („none”) jest dopuszczalny tylko dla serwera poczty na tym komputerze (localhost); dla %1 użyj STARTTLS lub TLS.</translation>
    </message>
    <message>
        <source>The mail server&apos;s user name cannot span lines.</source>
        <translation>Nazwa użytkownika serwera poczty nie może zajmować kilku wierszy.</translation>
    </message>
    <message>
        <source>The mail server&apos;s password cannot span lines.</source>
        <translation>Hasło serwera poczty nie może zajmować kilku wierszy.</translation>
    </message>
    <message>
        <source>Enter the password of %1 on the mail server.</source>
        <translation>Wprowadź hasło użytkownika %1 na serwerze poczty.</translation>
    </message>
</context>
<context>
    <name>sb::MemberService</name>
    <message>
        <source>The account name is empty.</source>
        <translation>Nazwa konta jest pusta.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must be 6 to 32 characters long.</source>
        <translation>Nazwa konta „%1” musi mieć od 6 do 32 znaków.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must start with a letter.</source>
        <translation>Nazwa konta „%1” musi zaczynać się od litery.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Nazwa konta „%1” może zawierać tylko litery, cyfry oraz znaki „.”, „_” i „-”.</translation>
    </message>
    <message>
        <source>The display name is empty.</source>
        <translation>Nazwa wyświetlana jest pusta.</translation>
    </message>
    <message>
        <source>The display name is too long (at most 100 characters).</source>
        <translation>Nazwa wyświetlana jest za długa (najwyżej 100 znaków).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>„%1” nie jest adresem e-mail.</translation>
    </message>
    <message>
        <source>The department is too long (at most 100 characters).</source>
        <translation>Nazwa działu jest za długa (najwyżej 100 znaków).</translation>
    </message>
    <message>
        <source>A member with the account name &quot;%1&quot; already exists.</source>
        <translation>Członek o nazwie konta „%1” już istnieje.</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Nie ma członka o nazwie konta „%1”.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Nie można odczytać %1: %2</translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation>Pole w cudzysłowie nie zostało zamknięte.</translation>
    </message>
    <message>
        <source>The file is empty: it needs the header line account,name,email,department.</source>
        <translation>Plik jest pusty: wymagany jest wiersz nagłówka account,name,email,department.</translation>
    </message>
    <message>
        <source>The first line must name the columns: account,name,email,department.</source>
        <translation>Pierwszy wiersz musi zawierać nazwy kolumn: account,name,email,department.</translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2.</source>
        <translation>Oczekiwana liczba pól: %1, znaleziono: %2.</translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; appears more than once in the file.</source>
        <translation>Nazwa konta „%1” występuje w pliku więcej niż raz.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Anulowano import; nic nie zostało zaimportowane.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Anulowano eksport; nie zapisano żadnego pliku.</translation>
    </message>
    <message>
        <source>The country is empty: give its two-letter code, e.g. US.</source>
        <translation>Nie podano kraju: podaj jego dwuliterowy kod, np. US.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code known for phone numbers (two letters, e.g. US or NO).</source>
        <translation>„%1” nie jest znanym kodem kraju dla numerów telefonów (dwie litery, np. US lub NO).</translation>
    </message>
    <message>
        <source>The country of %1 is already %2.</source>
        <translation>Konto %1 ma już ustawiony kraj %2.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 nie istnieje.</translation>
    </message>
    <message>
        <source>%1 is not a regular file: only a CSV file can be imported.</source>
        <translation>%1 nie jest zwykłym plikiem: zaimportować można tylko plik CSV.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, more than any member list; split it.</source>
        <translation>%1 jest większy niż %2 MB, więcej niż jakakolwiek lista członków; podziel go.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is longer than %3 characters: this is not a member list.</source>
        <translation>Wiersz %1 pliku %2 ma więcej niż %3 znaków: to nie jest lista członków.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not UTF-8 text (perhaps Latin-1 or Windows-1252): save the file as UTF-8 and import it again.</source>
        <translation>Wiersz %1 pliku %2 nie jest tekstem UTF-8 (może Latin-1 lub Windows-1252): zapisz plik w UTF-8 i zaimportuj go ponownie.</translation>
    </message>
    <message>
        <source>accounts were not created.</source>
        <translation>nie utworzono kont.</translation>
    </message>
    <message>
        <source>a member was not created.</source>
        <translation>nie utworzono jednego z członków.</translation>
    </message>
    <message>
        <source>The display name may not contain control characters.</source>
        <translation>Nazwa wyświetlana nie może zawierać znaków sterujących.</translation>
    </message>
    <message>
        <source>The department may not contain control characters.</source>
        <translation>Nazwa działu nie może zawierać znaków sterujących.</translation>
    </message>
    <message>
        <source>The first line names the column &quot;%1&quot; twice (columns %2 and %3); name each column once.</source>
        <translation>Pierwszy wiersz zawiera dwukrotnie kolumnę „%1” (kolumny %2 i %3); każdą kolumnę podaj tylko raz.</translation>
    </message>
</context>
<context>
    <name>sb::MembersModel</name>
    <message>
        <source>Linked</source>
        <translation>Skojarzone</translation>
    </message>
    <message>
        <source>Linked to %1</source>
        <translation>Skojarzone z %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywne</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Wyłączone</translation>
    </message>
    <message>
        <source>Suspended until %1</source>
        <translation>Wstrzymane do %1</translation>
    </message>
    <message>
        <source>%1 below %2, limit %3</source>
        <translation>%1 poniżej %2, limit %3</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>Balance (%1)</source>
        <translation>Saldo (%1)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Automatyczne doładowanie</translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (format krajowy: %2)</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numery</translation>
    </message>
</context>
<context>
    <name>sb::Migrations</name>
    <message>
        <source>The database %1 was written by a newer version of Switchboard (schema %2; this version knows up to %3). It was left untouched: use a newer Switchboard to open it.</source>
        <translation>Baza danych %1 została zapisana przez nowszą wersję programu Switchboard (schemat %2; ta wersja obsługuje schematy do %3). Pozostawiono ją bez zmian: otwórz ją w nowszej wersji programu Switchboard.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation>Aktualizacja bazy danych do schematu %1 nie powiodła się: %2</translation>
    </message>
    <message>
        <source>a row of %1 refers to a missing row.</source>
        <translation>wiersz tabeli %1 odwołuje się do nieistniejącego wiersza.</translation>
    </message>
    <message>
        <source>%1 is not a Switchboard database: %2 It was left untouched; choose a Switchboard database or a new file.</source>
        <translation>%1 nie jest bazą danych programu Switchboard: %2 Plik pozostawiono bez zmian; wybierz bazę danych programu Switchboard lub nowy plik.</translation>
    </message>
    <message>
        <source>it is not an SQLite database file.</source>
        <translation>nie jest to plik bazy danych SQLite.</translation>
    </message>
    <message>
        <source>it belongs to another application (application id %1).</source>
        <translation>należy do innej aplikacji (identyfikator aplikacji %1).</translation>
    </message>
    <message numerus="yes">
        <source>it holds %n table(s) of another application.</source>
        <translation>
            <numerusform>zawiera %n tabelę innej aplikacji.</numerusform>
            <numerusform>zawiera %n tabele innej aplikacji.</numerusform>
            <numerusform>zawiera %n tabel innej aplikacji.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database %1 has a damaged schema record (table schema_meta, no valid version): Switchboard cannot tell which version wrote it. It was left untouched; restore it from a backup.</source>
        <translation>Baza danych %1 ma uszkodzony rekord schematu (tabela schema_meta, brak prawidłowej wersji): program Switchboard nie może ustalić, która wersja ją zapisała. Pozostawiono ją bez zmian; przywróć ją z kopii zapasowej.</translation>
    </message>
</context>
<context>
    <name>sb::MonthlyStatement</name>
    <message>
        <source>Name the file to write the statement to.</source>
        <translation>Podaj plik, w którym ma zostać zapisane zestawienie.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month; write it as YYYY-MM, such as 2026-11.</source>
        <translation>„%1” nie jest miesiącem; wpisz go w formacie RRRR-MM, np. 2026-11.</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>konto %1</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (usunięte)</translation>
    </message>
</context>
<context>
    <name>sb::NumberCatalogue</name>
    <message>
        <source>United States</source>
        <translation>Stany Zjednoczone</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Kanada</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Wielka Brytania</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Niemcy</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francja</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Holandia</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>Norwegia</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Polska</translation>
    </message>
</context>
<context>
    <name>sb::NumberService</name>
    <message>
        <source>Numbers are not sold in &quot;%1&quot;. Countries: %2.</source>
        <translation>Numery dla „%1” nie są sprzedawane. Kraje: %2.</translation>
    </message>
    <message>
        <source>The price list has no prices for numbers in %1.</source>
        <translation>Cennik nie zawiera cen numerów dla %1.</translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation>Nie ma członka o nazwie konta „%1”.</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Nie ma profilu SIP o nazwie „%1”.</translation>
    </message>
    <message>
        <source>Choose a member or a SIP profile to hold the number.</source>
        <translation>Wybierz członka lub profil SIP, do którego ma należeć numer.</translation>
    </message>
    <message>
        <source>%1 has no area code &quot;%2&quot; on offer. Area codes: %3.</source>
        <translation>Numer kierunkowy „%2” nie jest oferowany (kraj: %1). Numery kierunkowe: %3.</translation>
    </message>
    <message>
        <source>Numbers are billed for 1, 3 or 12 months, not %1.</source>
        <translation>Numery są rozliczane za 1, 3 lub 12 miesięcy, a nie za %1.</translation>
    </message>
    <message>
        <source>The price list has no %1-month price for numbers in %2.</source>
        <translation>Cennik nie zawiera ceny numerów (%2) za okres %1 mies.</translation>
    </message>
    <message>
        <source>Choose at least one member or SIP profile to receive a number.</source>
        <translation>Wybierz co najmniej jednego członka lub profil SIP, który otrzyma numer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is chosen twice; each gets one number.</source>
        <translation>„%1” wybrano dwukrotnie; każdy otrzymuje jeden numer.</translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept the terms (for example a local address). Accept the terms to buy.</source>
        <translation>Numery z tego kraju (%1) wymagają zaakceptowania warunków przez posiadacza (na przykład adresu lokalnego). Zaakceptuj warunki, aby kupić.</translation>
    </message>
    <message>
        <source>That is too many numbers at once.</source>
        <translation>To za dużo numerów naraz.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n number(s) at %2 (%3 in all). Nothing was bought.</source>
        <translation>
            <numerusform>Saldo firmy (%1) nie wystarcza na %n numer po %2 (łącznie %3). Nic nie kupiono.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na %n numery po %2 (łącznie %3). Nic nie kupiono.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na %n numerów po %2 (łącznie %3). Nic nie kupiono.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n month(s)</source>
        <translation>
            <numerusform>%1 na %n miesiąc</numerusform>
            <numerusform>%1 na %n miesiące</numerusform>
            <numerusform>%1 na %n miesięcy</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in international form, such as +12125550100.</source>
        <translation>„%1” nie jest numerem telefonu w formacie międzynarodowym, np. +12125550100.</translation>
    </message>
    <message>
        <source>The number %1 is not one of the company&apos;s numbers.</source>
        <translation>Numer %1 nie należy do numerów firmy.</translation>
    </message>
    <message>
        <source>%1 already holds %2.</source>
        <translation>%1 ma już numer %2.</translation>
    </message>
    <message>
        <source>%1 is already cancelled; it stays usable until %2.</source>
        <translation>Numer %1 jest już anulowany; można go używać do %2.</translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation>Nie można było odnowić numeru %1: saldo firmy (%2) nie wystarcza na %3. Numer wygasł i wrócił do puli firmy.</translation>
    </message>
    <message>
        <source>Renewal of %1</source>
        <translation>Odnowienie %1</translation>
    </message>
    <message>
        <source>Not enough numbers are left in area %1 (%2): %3 left, %4 needed. Nothing was bought.</source>
        <translation>Za mało wolnych numerów z numerem kierunkowym %1 (%2): wolne: %3, potrzeba: %4. Nic nie kupiono.</translation>
    </message>
</context>
<context>
    <name>sb::NumbersModel</name>
    <message>
        <source>Released</source>
        <translation>Zwolniony</translation>
    </message>
    <message>
        <source>Cancelled: usable until %1</source>
        <translation>Anulowany: działa do %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywny</translation>
    </message>
    <message>
        <source>%1 → SIP profile %2 (linked)</source>
        <translation>%1 → profil SIP %2 (konto skojarzone)</translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation>Profil SIP %1</translation>
    </message>
    <message>
        <source>Company pool (unassigned)</source>
        <translation>Pula firmy (nieprzypisany)</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n miesiąc</numerusform>
            <numerusform>%n miesiące</numerusform>
            <numerusform>%n miesięcy</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (format krajowy: %2)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Kraj</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Numer kierunkowy</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Posiadacz</translation>
    </message>
    <message>
        <source>Billed every</source>
        <translation>Rozliczany co</translation>
    </message>
    <message>
        <source>Paid until</source>
        <translation>Opłacony do</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
</context>
<context>
    <name>sb::OutputFile</name>
    <message>
        <source>%1 is not a regular file (a folder, a device or a pipe); choose a file to write.</source>
        <translation>%1 nie jest zwykłym plikiem (to folder, urządzenie lub potok); wybierz plik do zapisu.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Nie można zapisać %1: %2</translation>
    </message>
    <message>
        <source>the file could not be written whole</source>
        <translation>nie udało się zapisać całego pliku</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Nothing was written.</source>
        <translation>Nie można zapisać %1: %2. Nic nie zapisano.</translation>
    </message>
</context>
<context>
    <name>sb::PeakCallsModel</name>
    <message>
        <source>Most calls at once</source>
        <translation>Najwięcej połączeń naraz</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
</context>
<context>
    <name>sb::PriceList</name>
    <message>
        <source>The price list is not valid JSON: %1</source>
        <translation>Cennik nie jest poprawnym plikiem JSON: %1</translation>
    </message>
    <message>
        <source>The price list has no valid %1-month price for %2.</source>
        <translation>Cennik nie zawiera poprawnej ceny za okres %1 mies. dla %2.</translation>
    </message>
    <message>
        <source>The price list needs positive bundle and channel prices.</source>
        <translation>Cennik musi zawierać dodatnie ceny pakietów i kanałów.</translation>
    </message>
    <message>
        <source>The price list has a malformed rate for prefix &quot;%1&quot;.</source>
        <translation>Cennik zawiera błędną stawkę dla prefiksu „%1”.</translation>
    </message>
    <message>
        <source>The price list is too large (%1 bytes; at most %2).</source>
        <translation>Cennik jest za duży (%1 B; dopuszczalne najwyżej %2 B).</translation>
    </message>
    <message>
        <source>The price list is not UTF-8 text: the first bad byte is at line %1, column %2 (byte %3).</source>
        <translation>Cennik nie jest tekstem UTF-8: niepoprawne dane w wierszu %1, kolumna %2 (bajt %3).</translation>
    </message>
    <message>
        <source>The price list is not valid JSON: %1 at line %2, column %3.</source>
        <translation>Cennik nie jest poprawnym plikiem JSON: %1 (wiersz %2, kolumna %3).</translation>
    </message>
    <message>
        <source>The price list must be a JSON object with &quot;numbers&quot;, &quot;bundle&quot;, &quot;channel&quot; and &quot;rates&quot;.</source>
        <translation>Cennik musi być obiektem JSON z polami „numbers”, „bundle”, „channel” i „rates”.</translation>
    </message>
    <message>
        <source>The price list has an unknown field &quot;%1&quot;.</source>
        <translation>Cennik zawiera nieznane pole „%1”.</translation>
    </message>
    <message>
        <source>The price list&apos;s currency must be %1 (the account&apos;s).</source>
        <translation>Walutą cennika musi być %1 (waluta konta).</translation>
    </message>
    <message>
        <source>The price list has no %1.</source>
        <translation>W cenniku brakuje pozycji: %1.</translation>
    </message>
    <message>
        <source>The price list&apos;s %1 must be an amount written as a string, like &quot;6.00&quot;.</source>
        <translation>W cenniku %1 musi być kwotą zapisaną jako tekst, np. &quot;6.00&quot;.</translation>
    </message>
    <message>
        <source>The price list&apos;s %1 (%2) must be above 0 and at most %3.</source>
        <translation>W cenniku %1 (%2) musi być większa od 0 i wynosić najwyżej %3.</translation>
    </message>
    <message>
        <source>The price list has no &quot;numbers&quot; object of number prices.</source>
        <translation>Cennik nie zawiera obiektu „numbers” z cenami numerów.</translation>
    </message>
    <message>
        <source>The price list has number prices for &quot;%1&quot;, which is not a country numbers are sold in (%2).</source>
        <translation>Cennik zawiera ceny numerów dla „%1”, a nie jest to kraj, w którym sprzedawane są numery (%2).</translation>
    </message>
    <message>
        <source>The price list has no number prices for %1 (&quot;numbers&quot;: {&quot;%1&quot;: {&quot;1&quot;: …, &quot;3&quot;: …, &quot;12&quot;: …}}).</source>
        <translation>Cennik nie zawiera cen numerów dla %1 (&quot;numbers&quot;: {&quot;%1&quot;: {&quot;1&quot;: …, &quot;3&quot;: …, &quot;12&quot;: …}}).</translation>
    </message>
    <message>
        <source>The price list has a number price for &quot;%1&quot; months in %2; numbers are sold for %3 months.</source>
        <translation>Cennik zawiera cenę numeru za okres „%1” mies. dla %2; numery są sprzedawane na okresy %3 mies.</translation>
    </message>
    <message>
        <source>%1-month number price for %2</source>
        <translation>cena numeru za okres %1 mies. dla %2</translation>
    </message>
    <message>
        <source>bundle price</source>
        <translation>cena pakietu</translation>
    </message>
    <message>
        <source>channel price</source>
        <translation>cena kanału</translation>
    </message>
    <message>
        <source>The price list has no &quot;rates&quot; list of per-minute rates.</source>
        <translation>Cennik nie zawiera listy „rates” ze stawkami za minutę.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list is not an object with &quot;prefix&quot;, &quot;rate&quot; and &quot;name&quot;.</source>
        <translation>Stawka %1 w cenniku nie jest obiektem z polami „prefix”, „rate” i „name”.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list has an unknown field &quot;%2&quot;.</source>
        <translation>Stawka %1 w cenniku zawiera nieznane pole „%2”.</translation>
    </message>
    <message>
        <source>Rate %1 of the price list needs a &quot;prefix&quot; of 1 to 15 digits (the country code first, like &quot;447&quot;).</source>
        <translation>Stawka %1 w cenniku wymaga pola „prefix” o długości od 1 do 15 cyfr (najpierw kod kraju, np. „447”).</translation>
    </message>
    <message>
        <source>The prefix %1 is in the price list twice (rates %2 and %3).</source>
        <translation>Prefiks %1 występuje w cenniku dwukrotnie (stawki %2 i %3).</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) is negative: %3.</source>
        <translation>Stawka dla prefiksu %1 (stawka %2 w cenniku) jest ujemna: %3.</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) must be a string like &quot;0.0230&quot;, with at most four decimals.</source>
        <translation>Stawka dla prefiksu %1 (stawka %2 w cenniku) musi być tekstem w postaci &quot;0.0230&quot;, z najwyżej czterema miejscami po przecinku.</translation>
    </message>
    <message>
        <source>The rate for prefix %1 (rate %2 of the price list) is %3 a minute; at most %4 is accepted.</source>
        <translation>Stawka dla prefiksu %1 (stawka %2 w cenniku) wynosi %3 za minutę; dopuszczalne jest najwyżej %4.</translation>
    </message>
    <message>
        <source>The name of prefix %1 (rate %2 of the price list) must be text of at most 200 characters.</source>
        <translation>Nazwa prefiksu %1 (stawka %2 w cenniku) musi być tekstem o długości najwyżej 200 znaków.</translation>
    </message>
</context>
<context>
    <name>sb::PriceListStore</name>
    <message>
        <source>The price list %1 is too large (%2 bytes; at most %3).</source>
        <translation>Cennik %1 jest za duży (%2 B; dopuszczalne najwyżej %3 B).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Nie można odczytać %1: %2</translation>
    </message>
</context>
<context>
    <name>sb::ProbeResult</name>
    <message>
        <source>%1 answered %2 %3 in %4 ms</source>
        <translation>Odpowiedź od %1: %2 %3 po %4 ms</translation>
    </message>
    <message>
        <source>%1 answered %2 %3</source>
        <translation>Odpowiedź od %1: %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no answer after %2 s</source>
        <translation>%1: brak odpowiedzi po %2 s</translation>
    </message>
</context>
<context>
    <name>sb::ProbeService</name>
    <message>
        <source>The probe&apos;s time limit must be from %1 to %2 ms, not %3.</source>
        <translation>Limit czasu sprawdzania łącza musi wynosić od %1 do %2 ms, a nie %3.</translation>
    </message>
</context>
<context>
    <name>sb::ProfileService</name>
    <message>
        <source>The SIP profile needs a name.</source>
        <translation>Profil SIP musi mieć nazwę.</translation>
    </message>
    <message>
        <source>The SIP profile name is too long (at most 64 characters).</source>
        <translation>Nazwa profilu SIP jest za długa (najwyżej 64 znaki).</translation>
    </message>
    <message>
        <source>The SIP profile name may not contain control characters.</source>
        <translation>Nazwa profilu SIP nie może zawierać znaków sterujących.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address such as 203.0.113.10.</source>
        <translation>„%1” nie jest adresem IPv4, takim jak 203.0.113.10.</translation>
    </message>
    <message>
        <source>The UDP port must be from 1 to 65535 (usually 5060), not %1.</source>
        <translation>Port UDP musi mieć wartość od 1 do 65535 (zwykle 5060), a nie %1.</translation>
    </message>
    <message>
        <source>A SIP profile has from %1 to %2 channels, not %3.</source>
        <translation>Profil SIP może mieć od %1 do %2 kanałów, a nie %3.</translation>
    </message>
    <message>
        <source>The extension &quot;%1&quot; may only contain digits (at most 20).</source>
        <translation>Numer wewnętrzny „%1” może zawierać tylko cyfry (najwyżej 20).</translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation>Nie ma profilu SIP o nazwie „%1”.</translation>
    </message>
    <message>
        <source>A SIP profile named &quot;%1&quot; already exists.</source>
        <translation>Profil SIP o nazwie „%1” już istnieje.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). No SIP profile was created.</source>
        <translation>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanału za pierwszy miesiąc (%2). Nie utworzono profilu SIP.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanałów za pierwszy miesiąc (%2). Nie utworzono profilu SIP.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanałów za pierwszy miesiąc (%2). Nie utworzono profilu SIP.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for %1</source>
        <translation>
            <numerusform>%n kanał dla %1</numerusform>
            <numerusform>%n kanały dla %1</numerusform>
            <numerusform>%n kanałów dla %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile is already named &quot;%1&quot;.</source>
        <translation>Profil SIP ma już nazwę „%1”.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n channel(s).</source>
        <translation>
            <numerusform>%1 ma już %n kanał.</numerusform>
            <numerusform>%1 ma już %n kanały.</numerusform>
            <numerusform>%1 ma już %n kanałów.</numerusform>
        </translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
        <translation>Saldo firmy (%1) nie pokrywa kwoty %2 dla %3. Nic nie przydzielono.</translation>
    </message>
    <message>
        <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
        <translation>Konto %1 jest już skojarzone z profilem SIP %2; konto może być skojarzone tylko z jednym profilem SIP.</translation>
    </message>
    <message>
        <source>The account %1 is not linked to the SIP profile %2.</source>
        <translation>Konto %1 nie jest skojarzone z profilem SIP %2.</translation>
    </message>
    <message>
        <source>Credit of deleted SIP profile %1</source>
        <translation>Środki usuniętego profilu SIP %1</translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation>Nie można było odnowić kanałów profilu %1: saldo firmy (%2) nie wystarcza na %3. Połączenia wychodzące przez ten profil są wstrzymane do czasu opłacenia kanałów.</translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n channel(s) for %1</source>
        <translation>
            <numerusform>Odnowienie %n kanału dla %1</numerusform>
            <numerusform>Odnowienie %n kanałów dla %1</numerusform>
            <numerusform>Odnowienie %n kanałów dla %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a &quot;this network&quot; address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres „ta sieć” (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a private address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres prywatny (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a carrier-grade NAT (shared) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres NAT operatora (współdzielony) (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a loopback address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres pętli zwrotnej (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a link-local address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres lokalny łącza (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a reserved (IETF protocol) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres zarezerwowany (protokoły IETF) (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a documentation address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres do dokumentacji (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a benchmarking address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres do testów wydajności (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a multicast address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres multicast (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message>
        <source>%1 is a reserved address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to adres zarezerwowany (%2): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n US minute bundle(s); it needs at least as many channels. Lower the bundles first. The channels were not changed.</source>
        <translation>
            <numerusform>Profil %1 ma %n pakiet minut do USA; potrzebuje co najmniej tyle samo kanałów. Najpierw zmniejsz liczbę pakietów. Nie zmieniono kanałów.</numerusform>
            <numerusform>Profil %1 ma %n pakiety minut do USA; potrzebuje co najmniej tyle samo kanałów. Najpierw zmniejsz liczbę pakietów. Nie zmieniono kanałów.</numerusform>
            <numerusform>Profil %1 ma %n pakietów minut do USA; potrzebuje co najmniej tyle samo kanałów. Najpierw zmniejsz liczbę pakietów. Nie zmieniono kanałów.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile %1 owes %2 for calls; allocate at least %2 to it before deleting it.</source>
        <translation>Zadłużenie profilu SIP %1 za połączenia wynosi %2; przed usunięciem przydziel mu co najmniej %2.</translation>
    </message>
    <message>
        <source>The country of SIP profile %1 is already %2.</source>
        <translation>Profil SIP %1 ma już ustawiony kraj %2.</translation>
    </message>
    <message>
        <source>The extension %1 of the SIP profile %2 already belongs to the account %3; give each linked account its own extension.</source>
        <translation>Numer wewnętrzny %1 profilu SIP %2 należy już do konta %3; nadaj każdemu skojarzonemu kontu własny numer wewnętrzny.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) with the credit of %2 for unused days cannot pay %n channel(s) for a month (%3). The channels were not changed.</source>
        <translation>
            <numerusform>Saldo firmy (%1) wraz ze zwrotem %2 za niewykorzystane dni nie wystarcza na opłacenie %n kanału za miesiąc (%3). Nie zmieniono kanałów.</numerusform>
            <numerusform>Saldo firmy (%1) wraz ze zwrotem %2 za niewykorzystane dni nie wystarcza na opłacenie %n kanałów za miesiąc (%3). Nie zmieniono kanałów.</numerusform>
            <numerusform>Saldo firmy (%1) wraz ze zwrotem %2 za niewykorzystane dni nie wystarcza na opłacenie %n kanałów za miesiąc (%3). Nie zmieniono kanałów.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unused days of %n channel(s) for %1</source>
        <translation>
            <numerusform>Niewykorzystane dni %n kanału dla %1</numerusform>
            <numerusform>Niewykorzystane dni %n kanałów dla %1</numerusform>
            <numerusform>Niewykorzystane dni %n kanałów dla %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks the same as the existing SIP profile &quot;%2&quot;; choose a name that reads differently.</source>
        <translation>„%1” wygląda tak samo jak istniejący profil SIP „%2”; wybierz nazwę, którą łatwo odróżnić.</translation>
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
        <translation>Rejestracja</translation>
    </message>
    <message>
        <source>%1 (unpaid)</source>
        <translation>%1 (brak opłaty)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Uwierzytelnianie</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <source>Monthly cost (%1)</source>
        <translation>Koszt miesięczny (%1)</translation>
    </message>
    <message>
        <source>Balance (%1)</source>
        <translation>Saldo (%1)</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Skojarzone konta</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numery</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Brak odpowiedzi</translation>
    </message>
    <message>
        <source>OK %1 ms</source>
        <translation>OK %1 ms</translation>
    </message>
    <message>
        <source>Not checked yet: Check the trunk in the profile&apos;s details.</source>
        <translation>Jeszcze nie sprawdzono: kliknij „Sprawdź łącze” w szczegółach profilu.</translation>
    </message>
    <message>
        <source>%1 of %2 servers answered OK; checked %3</source>
        <translation>Serwery z odpowiedzią OK: %1 z %2; sprawdzono %3</translation>
    </message>
    <message>
        <source>The latest check of the trunk: SIP OPTIONS to the PBX (IP authentication) and to the provider&apos;s servers</source>
        <translation>Ostatnie sprawdzenie łącza: SIP OPTIONS do centrali PBX (uwierzytelnianie IP) i do serwerów dostawcy</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Łącze</translation>
    </message>
    <message>
        <source>%1 (bundles lapsed)</source>
        <translation>%1 (pakiety wygasły)</translation>
    </message>
    <message>
        <source>%1 (bundles cancelled)</source>
        <translation>%1 (pakiety anulowane)</translation>
    </message>
</context>
<context>
    <name>sb::ProtectedFiles</name>
    <message>
        <source>%1 is the key file of the sealed passwords; choose another file.</source>
        <translation>%1 to plik klucza zapieczętowanych haseł; wybierz inny plik.</translation>
    </message>
    <message>
        <source>%1 is the open database or one of its files; choose another file.</source>
        <translation>%1 to otwarta baza danych lub jeden z jej plików; wybierz inny plik.</translation>
    </message>
</context>
<context>
    <name>sb::ProviderSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as sip.example.net:5060.</source>
        <translation>„%1” nie jest adresem serwera, takim jak sip.example.net:5060.</translation>
    </message>
    <message>
        <source>The port of &quot;%1&quot; must be from 1 to 65535.</source>
        <translation>Port w „%1” musi mieć wartość od 1 do 65535.</translation>
    </message>
    <message>
        <source>Name at least one SIP server.</source>
        <translation>Podaj co najmniej jeden serwer SIP.</translation>
    </message>
</context>
<context>
    <name>sb::SealedSecret</name>
    <message>
        <source>The secret key file %1 is damaged.</source>
        <translation>Plik klucza tajnego %1 jest uszkodzony.</translation>
    </message>
    <message>
        <source>The secret key file %1 is missing: stored SIP passwords cannot be read.</source>
        <translation>Brak pliku klucza tajnego %1: nie można odczytać zapisanych haseł SIP.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Nie można utworzyć folderu dla %1.</translation>
    </message>
    <message>
        <source>Cannot write the secret key file %1: %2</source>
        <translation>Nie można zapisać pliku klucza tajnego %1: %2</translation>
    </message>
    <message>
        <source>The stored secret has an unknown format.</source>
        <translation>Zapisany sekret ma nieznany format.</translation>
    </message>
    <message>
        <source>The stored secret is damaged.</source>
        <translation>Zapisany sekret jest uszkodzony.</translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1): it was altered or sealed with another key.</source>
        <translation>Zapisany sekret nie pasuje do klucza tajnego (%1): został zmieniony lub zabezpieczony innym kluczem.</translation>
    </message>
    <message>
        <source>The cryptographic library (libsodium) could not start.</source>
        <translation>Nie można uruchomić biblioteki kryptograficznej (libsodium).</translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1) or does not belong here: it was altered, sealed with another key, or copied from elsewhere.</source>
        <translation>Zapisany sekret nie pasuje do klucza tajnego (%1) lub nie pochodzi stąd: został zmieniony, zabezpieczony innym kluczem albo skopiowany z innego miejsca.</translation>
    </message>
    <message>
        <source>The secret key file %1 is missing, yet this database holds passwords sealed with it: a new key would leave them unreadable. Put the key file back (from a backup) before storing another password.</source>
        <translation>Brakuje pliku klucza tajnego %1, a ta baza danych zawiera hasła nim zapieczętowane: nowy klucz uczyniłby je nieczytelnymi. Przywróć plik klucza (z kopii zapasowej), zanim zapiszesz kolejne hasło.</translation>
    </message>
</context>
<context>
    <name>sb::SecretVault</name>
    <message>
        <source>The keychain did not give the password of %1: %2</source>
        <translation>Pęk kluczy nie udostępnił hasła dla %1: %2</translation>
    </message>
</context>
<context>
    <name>sb::SipProbe</name>
    <message>
        <source>The name %1 was not resolved in time.</source>
        <translation>Nie udało się w porę rozwiązać nazwy %1.</translation>
    </message>
    <message>
        <source>The port %1 is not from 1 to 65535.</source>
        <translation>Port %1 nie mieści się w zakresie od 1 do 65535.</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved: %2</source>
        <translation>Nie można rozwiązać nazwy %1: %2</translation>
    </message>
    <message>
        <source>The name %1 has no address.</source>
        <translation>Nazwa %1 nie ma przypisanego adresu.</translation>
    </message>
    <message>
        <source>No UDP port could be opened: %1</source>
        <translation>Nie można otworzyć żadnego portu UDP: %1</translation>
    </message>
</context>
<context>
    <name>sb::SmtpClient</name>
    <message>
        <source>A message is already being sent; wait for it.</source>
        <translation>Wiadomość jest już wysyłana; poczekaj, aż wysyłanie się zakończy.</translation>
    </message>
    <message>
        <source>The message was not sent.</source>
        <translation>Nie wysłano wiadomości.</translation>
    </message>
    <message>
        <source>The mail server %1 does not speak SMTP: it answered &quot;%2&quot;.</source>
        <translation>Serwer poczty %1 nie obsługuje protokołu SMTP: odpowiedział „%2”.</translation>
    </message>
    <message>
        <source>The mail server %1 does not take messages now: %2 %3</source>
        <translation>Serwer poczty %1 nie przyjmuje teraz wiadomości: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the greeting: %2 %3</source>
        <translation>Serwer poczty %1 odrzucił powitanie: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused STARTTLS: %2 %3</source>
        <translation>Serwer poczty %1 odrzucił STARTTLS: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 refused the login of %2: %3 %4</source>
        <translation>Serwer poczty %1 odrzucił logowanie użytkownika %2: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the sender %2: %3 %4</source>
        <translation>Serwer poczty %1 odrzucił nadawcę %2: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the recipient %2: %3 %4</source>
        <translation>Serwer poczty %1 odrzucił odbiorcę %2: %3 %4</translation>
    </message>
    <message>
        <source>The mail server %1 refused the message: %2 %3</source>
        <translation>Serwer poczty %1 odrzucił wiadomość: %2 %3</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS: choose TLS (usually port 465) or another server; the password is never sent unencrypted.</source>
        <translation>Serwer poczty %1 nie obsługuje STARTTLS: wybierz TLS (zwykle port 465) lub inny serwer; hasło nigdy nie jest wysyłane bez szyfrowania.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login, but a user is set: clear the user, or check the server and its security.</source>
        <translation>Serwer poczty %1 nie oferuje logowania, a ustawiono użytkownika: usuń użytkownika albo sprawdź serwer i jego zabezpieczenia.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no login Switchboard knows (PLAIN or LOGIN), only: %2.</source>
        <translation>Serwer poczty %1 nie oferuje żadnej metody logowania znanej programowi Switchboard (PLAIN lub LOGIN), tylko: %2.</translation>
    </message>
    <message>
        <source>The certificate of the mail server %1 cannot be trusted: %2</source>
        <translation>Nie można zaufać certyfikatowi serwera poczty %1: %2</translation>
    </message>
    <message>
        <source>The mail server %1 refused the connection: nothing answers on that port.</source>
        <translation>Serwer poczty %1 odrzucił połączenie: na tym porcie nic nie odpowiada.</translation>
    </message>
    <message>
        <source>The mail server %1 was not found: check its name.</source>
        <translation>Nie znaleziono serwera poczty %1: sprawdź jego nazwę.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 failed: %2</source>
        <translation>Połączenie z serwerem poczty %1 nie powiodło się: %2</translation>
    </message>
    <message>
        <source>The mail server %1 closed the connection before the message was accepted.</source>
        <translation>Serwer poczty %1 zamknął połączenie, zanim wiadomość została przyjęta.</translation>
    </message>
    <message>
        <source>The connection to the mail server %1 failed.</source>
        <translation>Połączenie z serwerem poczty %1 nie powiodło się.</translation>
    </message>
    <message>
        <source>The mail server %1 did not answer the connection within %2 s.</source>
        <translation>Serwer poczty %1 nie odpowiedział na połączenie w ciągu %2 s.</translation>
    </message>
    <message>
        <source>The mail server %1 stopped answering: no reply within %2 s.</source>
        <translation>Serwer poczty %1 przestał odpowiadać: brak odpowiedzi w ciągu %2 s.</translation>
    </message>
</context>
<context>
    <name>sb::SpendingChartModel</name>
    <message>
        <source>Numbers</source>
        <translation>Numery</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Pakiety</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Połączenia</translation>
    </message>
    <message numerus="yes">
        <source>%n other department(s)</source>
        <translation>
            <numerusform>%n inny dział</numerusform>
            <numerusform>%n inne działy</numerusform>
            <numerusform>%n innych działów</numerusform>
        </translation>
    </message>
    <message>
        <source>No department</source>
        <translation>Bez działu</translation>
    </message>
</context>
<context>
    <name>sb::Statement</name>
    <message>
        <source>%1 values for %2 parameters.</source>
        <translation>%1 wartości dla %2 parametrów.</translation>
    </message>
</context>
<context>
    <name>sb::StatementCsv</name>
    <message>
        <source>Cannot write the statement: %1</source>
        <translation>Nie można zapisać zestawienia: %1</translation>
    </message>
</context>
<context>
    <name>sb::StatementDocument</name>
    <message>
        <source>Top-up</source>
        <translation>Doładowanie</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Przydział</translation>
    </message>
    <message>
        <source>Auto-recharge</source>
        <translation>Automatyczne doładowanie</translation>
    </message>
    <message>
        <source>Credit returned</source>
        <translation>Zwrócone środki</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numery</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Pakiety</translation>
    </message>
    <message>
        <source>Bundle refunds</source>
        <translation>Zwroty za pakiety</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Połączenia</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Opłaty</translation>
    </message>
    <message>
        <source>Monthly statement, %1</source>
        <extracomment>%1 is the month and its year, &quot;November 2026&quot;</extracomment>
        <translation>Zestawienie miesięczne, %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Początkowe</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Wpływy</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Wypływy</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Końcowe</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Wydatki</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Company balance: %1 at the start of the month, %2 at its end (UTC).</source>
        <translation>Saldo firmy: %1 na początku miesiąca, %2 na jego końcu (UTC).</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Salda</translation>
    </message>
    <message>
        <source>Spending by department</source>
        <translation>Wydatki według działów</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(bez działu)</translation>
    </message>
    <message>
        <source>Spending by SIP profile</source>
        <translation>Wydatki według profili SIP</translation>
    </message>
    <message>
        <source>Spending by member</source>
        <translation>Wydatki według członków</translation>
    </message>
    <message>
        <source>Top-ups and allocations</source>
        <translation>Doładowania i przydziały</translation>
    </message>
    <message>
        <source>None this month.</source>
        <translation>Brak w tym miesiącu.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Czas (UTC)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Operacja</translation>
    </message>
    <message>
        <source>To or from</source>
        <translation>Na konto / z konta</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Numer referencyjny</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Sumy</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Zalecenia</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for the busiest hour (%1 erlangs at 1% blocking); it has %2</source>
        <translation>
            <numerusform>%n kanał w godzinie największego ruchu (%1 Erl przy blokadzie 1%); ma %2</numerusform>
            <numerusform>%n kanały w godzinie największego ruchu (%1 Erl przy blokadzie 1%); ma %2</numerusform>
            <numerusform>%n kanałów w godzinie największego ruchu (%1 Erl przy blokadzie 1%); ma %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s), saving %1 a month; it has %2</source>
        <translation>
            <numerusform>%n pakiet minut do USA, oszczędność %1 miesięcznie; ma %2</numerusform>
            <numerusform>%n pakiety minut do USA, oszczędność %1 miesięcznie; ma %2</numerusform>
            <numerusform>%n pakietów minut do USA, oszczędność %1 miesięcznie; ma %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Every SIP profile has the channels and bundles its calls need.</source>
        <translation>Każdy profil SIP ma tyle kanałów i pakietów, ile potrzebują jego połączenia.</translation>
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
        <translation>Żadna transakcja nie jest otwarta.</translation>
    </message>
    <message>
        <source>A transaction is already open on this connection.</source>
        <translation>Transakcja jest już otwarta w tym połączeniu.</translation>
    </message>
</context>
<context>
    <name>sb::UserText</name>
    <message>
        <source>The search is %1 characters long; a search may have at most %2.</source>
        <translation>Wyszukiwany tekst jest za długi (liczba znaków: %1); dozwolone jest najwyżej %2.</translation>
    </message>
</context>
<context>
    <name>sb::ctl::CommandLine</name>
    <message>
        <source>SIP profile:   %1</source>
        <translation>Profil SIP:            %1</translation>
    </message>
    <message>
        <source>Department:    %1</source>
        <translation>Dział:                 %1</translation>
    </message>
    <message>
        <source>Balance:       %1</source>
        <translation>Saldo:                 %1</translation>
    </message>
    <message>
        <source>Authentication: IP %1, UDP port %2</source>
        <translation>Uwierzytelnianie:      IP %1, port UDP %2</translation>
    </message>
    <message>
        <source>Authentication: registration as %1</source>
        <translation>Uwierzytelnianie:      rejestracja jako %1</translation>
    </message>
    <message>
        <source> (renewal not paid: calls stopped)</source>
        <translation> (nie opłacono odnowienia: połączenia wstrzymane)</translation>
    </message>
    <message>
        <source>Linked account: %1</source>
        <translation>Skojarzone konto:      %1</translation>
    </message>
    <message>
        <source>Linked account: %1, extension %2</source>
        <translation>Skojarzone konto:      %1, numer wewnętrzny %2</translation>
    </message>
    <message>
        <source>Number:        %1</source>
        <translation>Numer:                 %1</translation>
    </message>
    <message>
        <source>Account:     %1</source>
        <translation>Konto:           %1</translation>
    </message>
    <message>
        <source>Name:        %1</source>
        <translation>Imię i nazwisko: %1</translation>
    </message>
    <message>
        <source>E-mail:      %1</source>
        <translation>E-mail:          %1</translation>
    </message>
    <message>
        <source>Department:  %1</source>
        <translation>Dział:           %1</translation>
    </message>
    <message>
        <source>Balance:     %1</source>
        <translation>Saldo:           %1</translation>
    </message>
    <message>
        <source>Status:      %1</source>
        <translation>Stan:            %1</translation>
    </message>
    <message>
        <source>Auto-recharge: %1 when below %2, monthly limit %3, recharged this month %4</source>
        <translation>Automatyczne doładowanie: %1, gdy saldo spadnie poniżej %2, limit miesięczny %3, doładowano w tym miesiącu %4</translation>
    </message>
    <message>
        <source>Auto-recharge suspended until %1</source>
        <translation>Automatyczne doładowanie wstrzymane do %1</translation>
    </message>
    <message>
        <source>Auto-recharge: off</source>
        <translation>Automatyczne doładowanie: wyłączone</translation>
    </message>
    <message>
        <source>Try &apos;switchboardctl --help&apos;.</source>
        <translation>Spróbuj „switchboardctl --help”.</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>Opcja %1 wymaga wartości.</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>Nieznana opcja %1.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an amount; write it like 12.50.</source>
        <translation>%1: „%2” nie jest kwotą; wpisz ją w postaci 12.50.</translation>
    </message>
    <message>
        <source>--now: &quot;%1&quot; is not an ISO 8601 time such as 2026-12-01T09:00:00Z.</source>
        <translation>--now: „%1” nie jest czasem w formacie ISO 8601, np. 2026-12-01T09:00:00Z.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Nie podano polecenia.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie „%1”.</translation>
    </message>
    <message>
        <source>init takes no arguments.</source>
        <translation>init nie przyjmuje argumentów.</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema %2).</source>
        <translation>Baza danych %1 jest gotowa (schemat %2).</translation>
    </message>
    <message>
        <source>balance takes no arguments.</source>
        <translation>balance nie przyjmuje argumentów.</translation>
    </message>
    <message>
        <source>Company balance: %1 %2</source>
        <translation>Saldo firmy: %1 %2</translation>
    </message>
    <message>
        <source>Usage: topup AMOUNT [--reference TEXT]</source>
        <translation>Użycie: topup AMOUNT [--reference TEXT]</translation>
    </message>
    <message>
        <source>Added %1; company balance %2 %3</source>
        <translation>Dodano %1; saldo firmy %2 %3</translation>
    </message>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>Dodano członka %1 (%2).</translation>
    </message>
    <message>
        <source>Usage: member list [--search TEXT]</source>
        <translation>Użycie: member list [--search TEXT]</translation>
    </message>
    <message>
        <source>Usage: member show ACCOUNT</source>
        <translation>Użycie: member show ACCOUNT</translation>
    </message>
    <message>
        <source>Usage: member import FILE.csv [--dry-run]</source>
        <translation>Użycie: member import FILE.csv [--dry-run]</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>wiersz %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s).</source>
        <translation>
            <numerusform>Zaimportowano %n członka.</numerusform>
            <numerusform>Zaimportowano %n członków.</numerusform>
            <numerusform>Zaimportowano %n członków.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have problems; nothing was imported.</source>
        <translation>
            <numerusform>%n wiersz zawiera problemy; nic nie zaimportowano.</numerusform>
            <numerusform>%n wiersze zawierają problemy; nic nie zaimportowano.</numerusform>
            <numerusform>%n wierszy zawiera problemy; nic nie zaimportowano.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: member export FILE.csv</source>
        <translation>Użycie: member export FILE.csv</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation>
            <numerusform>Wyeksportowano %n członka do %1.</numerusform>
            <numerusform>Wyeksportowano %n członków do %1.</numerusform>
            <numerusform>Wyeksportowano %n członków do %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown member command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie member: „%1”.</translation>
    </message>
    <message>
        <source>Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</source>
        <translation>Użycie: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all; company balance %3.</source>
        <translation>
            <numerusform>Przydzielono %1 %n członkowi, łącznie %2; saldo firmy %3.</numerusform>
            <numerusform>Przydzielono po %1 %n członkom, łącznie %2; saldo firmy %3.</numerusform>
            <numerusform>Przydzielono po %1 %n członkom, łącznie %2; saldo firmy %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: autorecharge set|off ACCOUNT ...</source>
        <translation>Użycie: autorecharge set|off ACCOUNT ...</translation>
    </message>
    <message>
        <source>Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</source>
        <translation>Użycie: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</translation>
    </message>
    <message>
        <source>Auto-recharge saved and enabled for %1.</source>
        <translation>Zapisano i włączono automatyczne doładowanie dla %1.</translation>
    </message>
    <message>
        <source>Usage: autorecharge off ACCOUNT</source>
        <translation>Użycie: autorecharge off ACCOUNT</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1.</source>
        <translation>Wyłączono automatyczne doładowanie dla %1.</translation>
    </message>
    <message>
        <source>Unknown autorecharge command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie autorecharge: „%1”.</translation>
    </message>
    <message>
        <source>Usage: billing run</source>
        <translation>Użycie: billing run</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 100000.</source>
        <translation>--limit: „%1” nie jest liczbą od 1 do 100000.</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a whole number.</source>
        <translation>--seed: „%1” nie jest liczbą całkowitą.</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.</source>
        <translation>
            <numerusform>Wygenerowano %n członka; z automatycznym doładowaniem: %1; przydzielone środki: %2.</numerusform>
            <numerusform>Wygenerowano %n członków; z automatycznym doładowaniem: %1; przydzielone środki: %2.</numerusform>
            <numerusform>Wygenerowano %n członków; z automatycznym doładowaniem: %1; przydzielone środki: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number countries|areas|prices|buy|assign|cancel|list ...</source>
        <translation>Użycie: number countries|areas|prices|buy|assign|cancel|list ...</translation>
    </message>
    <message>
        <source>Name exactly one holder: --member ACCOUNT or --profile NAME.</source>
        <translation>Podaj dokładnie jednego posiadacza: --member ACCOUNT lub --profile NAME.</translation>
    </message>
    <message>
        <source>Usage: number countries</source>
        <translation>Użycie: number countries</translation>
    </message>
    <message>
        <source>	(terms must be accepted)</source>
        <translation>	(wymaga akceptacji warunków)</translation>
    </message>
    <message>
        <source>Usage: number %1 COUNTRY</source>
        <translation>Użycie: number %1 COUNTRY</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n miesiąc: %1</numerusform>
            <numerusform>%n miesiące: %1</numerusform>
            <numerusform>%n miesięcy: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</source>
        <translation>Użycie: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</translation>
    </message>
    <message>
        <source>--months: &quot;%1&quot; is not 1, 3 or 12.</source>
        <translation>--months: „%1” to nie 1, 3 ani 12.</translation>
    </message>
    <message>
        <source>Bought %1 (%2) for %3, paid %4; it renews on %5.</source>
        <translation>Kupiono %1 (%2), posiadacz: %3, zapłacono %4; odnowienie %5.</translation>
    </message>
    <message>
        <source>Usage: number assign E164 (--member ACCOUNT | --profile NAME)</source>
        <translation>Użycie: number assign E164 (--member ACCOUNT | --profile NAME)</translation>
    </message>
    <message>
        <source>Reminder: the terms of numbers in %1 (for example a local address) still apply to the new holder.</source>
        <translation>Przypomnienie: warunki dotyczące numerów z tego kraju (%1), na przykład adres lokalny, nadal obowiązują nowego posiadacza.</translation>
    </message>
    <message>
        <source>Reminder: the number&apos;s terms still apply to the new holder.</source>
        <translation>Przypomnienie: warunki numeru nadal obowiązują nowego posiadacza.</translation>
    </message>
    <message>
        <source>%1 now belongs to %2.</source>
        <translation>Numer %1 należy teraz do: %2.</translation>
    </message>
    <message>
        <source>Usage: number cancel E164</source>
        <translation>Użycie: number cancel E164</translation>
    </message>
    <message>
        <source>%1 is cancelled: usable until %2, then released. No refund.</source>
        <translation>Anulowano numer %1: działa do %2, potem zostanie zwolniony. Bez zwrotu środków.</translation>
    </message>
    <message>
        <source>Usage: number list [--search TEXT] [--country CC]</source>
        <translation>Użycie: number list [--search TEXT] [--country CC]</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>anulowany</translation>
    </message>
    <message>
        <source>Unknown number command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie number: „%1”.</translation>
    </message>
    <message>
        <source>Usage: credit profile NAME AMOUNT</source>
        <translation>Użycie: credit profile NAME AMOUNT</translation>
    </message>
    <message>
        <source>Allocated %1 to %2; its balance is %3.</source>
        <translation>Przydzielono %1 do profilu %2; jego saldo wynosi %3.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1: „%2” nie jest liczbą całkowitą.</translation>
    </message>
    <message>
        <source>--port goes with --ip (IP authentication).</source>
        <translation>Opcji --port używa się razem z --ip (uwierzytelnianie IP).</translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 with %n channel(s); the company paid %2.</source>
        <translation>
            <numerusform>Utworzono profil SIP %1 z %n kanałem; firma zapłaciła %2.</numerusform>
            <numerusform>Utworzono profil SIP %1 z %n kanałami; firma zapłaciła %2.</numerusform>
            <numerusform>Utworzono profil SIP %1 z %n kanałami; firma zapłaciła %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP username %1. Show the password with: switchboardctl profile credentials &quot;%2&quot;</source>
        <translation>Nazwa użytkownika SIP: %1. Hasło wyświetla polecenie: switchboardctl profile credentials &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Usage: profile list</source>
        <translation>Użycie: profile list</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME ...</source>
        <translation>Użycie: profile %1 NAME ...</translation>
    </message>
    <message>
        <source>Usage: profile show NAME</source>
        <translation>Użycie: profile show NAME</translation>
    </message>
    <message>
        <source>Usage: profile rename NAME NEWNAME</source>
        <translation>Użycie: profile rename NAME NEWNAME</translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation>Zmieniono nazwę na %1.</translation>
    </message>
    <message>
        <source>Usage: profile channels NAME N</source>
        <translation>Użycie: profile channels NAME N</translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME</source>
        <translation>Użycie: profile %1 NAME</translation>
    </message>
    <message>
        <source>--format: only &quot;asterisk&quot; (PJSIP) is available.</source>
        <translation>--format: dostępny jest tylko format „asterisk” (PJSIP).</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from %1, UDP port %2.</source>
        <translation>Uwierzytelnianie IP: dostawca przyjmuje połączenia z adresu %1, port UDP %2.</translation>
    </message>
    <message>
        <source>Username: %1
Password: %2</source>
        <translation>Nazwa użytkownika: %1
Hasło: %2</translation>
    </message>
    <message>
        <source>SIP servers: %1</source>
        <translation>Serwery SIP: %1</translation>
    </message>
    <message>
        <source>Usage: profile link NAME ACCOUNT [--extension DIGITS]</source>
        <translation>Użycie: profile link NAME ACCOUNT [--extension DIGITS]</translation>
    </message>
    <message>
        <source>Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.</source>
        <translation>Skojarzono konto %1 z profilem %2: połączenia i numery konta są kierowane do centrali PBX; logowanie jest wyłączone.</translation>
    </message>
    <message>
        <source>Usage: profile unlink NAME ACCOUNT</source>
        <translation>Użycie: profile unlink NAME ACCOUNT</translation>
    </message>
    <message>
        <source>Unlinked %1 from %2; sign-in is restored.</source>
        <translation>Usunięto skojarzenie konta %1 z profilem %2; logowanie jest przywrócone.</translation>
    </message>
    <message>
        <source>Usage: profile delete NAME --yes [--export-history FILE.csv]</source>
        <translation>Użycie: profile delete NAME --yes [--export-history FILE.csv]</translation>
    </message>
    <message>
        <source>Unknown profile command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie profile: „%1”.</translation>
    </message>
    <message numerus="yes">
        <source>Outgoing calls: %n channel(s), %1 a month; paid until %2%3</source>
        <translation>
            <numerusform>Połączenia wychodzące: %n kanał, %1 miesięcznie; opłacone do %2%3</numerusform>
            <numerusform>Połączenia wychodzące: %n kanały, %1 miesięcznie; opłacone do %2%3</numerusform>
            <numerusform>Połączenia wychodzące: %n kanałów, %1 miesięcznie; opłacone do %2%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run, nothing was written. Members that would be added: %1; lines with problems: %2.</source>
        <translation>Próba, nic nie zapisano. Członkowie do dodania: %1; wiersze z problemami: %2.</translation>
    </message>
    <message>
        <source>Billing run done. Numbers renewed: %1 (paid %2), released: %3, expired unpaid: %4. Monthly recharge limits reset: %5, suspensions ended: %6, recharged: %7.</source>
        <translation>Rozliczenie zakończone. Odnowione numery: %1 (zapłacono %2), zwolnione: %3, wygasłe z braku płatności: %4. Wyzerowane miesięczne limity doładowań: %5, zakończone wstrzymania: %6, kwota doładowań: %7.</translation>
    </message>
    <message numerus="yes">
        <source>%1	%2	%n available</source>
        <translation>
            <numerusform>%1	%2	%n dostępny</numerusform>
            <numerusform>%1	%2	%n dostępne</numerusform>
            <numerusform>%1	%2	%n dostępnych</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting %1 would: return to the company balance: %2; put numbers back in the pool: %3; unlink accounts: %4; delete call records: %5. Add --yes to delete.</source>
        <translation>Usunięcie profilu %1 spowoduje: zwrot do salda firmy: %2; numery zwrócone do puli: %3; konta, których skojarzenie zostanie usunięte: %4; rekordy połączeń do usunięcia: %5. Dodaj --yes, aby usunąć.</translation>
    </message>
    <message>
        <source>Deleted %1. Returned to the company balance: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5.</source>
        <translation>Usunięto profil %1. Zwrócono do salda firmy: %2; numery zwrócone do puli: %3; konta bez skojarzenia: %4; usunięte rekordy połączeń: %5.</translation>
    </message>
    <message>
        <source>Usage: activity [--limit N] [--lang en|nb|fr|nl|pl]</source>
        <translation>Użycie: activity [--limit N] [--lang en|nb|fr|nl|pl]</translation>
    </message>
    <message>
        <source>--lang: &quot;%1&quot; is not one of en, nb, fr, nl, pl.</source>
        <translation>--lang: „%1” nie jest jednym z en, nb, fr, nl, pl.</translation>
    </message>
    <message>
        <source>How many entries, from 1 to 100000 (20 by default).</source>
        <translation>Liczba wpisów, od 1 do 100000 (domyślnie 20).</translation>
    </message>
    <message>
        <source>The language of the sentences: en (default), nb, fr, nl or pl.</source>
        <translation>Język zdań: en (domyślnie), nb, fr, nl lub pl.</translation>
    </message>
    <message>
        <source>The audit log, newest first.</source>
        <translation>Dziennik zdarzeń, od najnowszych.</translation>
    </message>
    <message>
        <source>What each recharge adds.</source>
        <translation>Kwota dodawana przy każdym doładowaniu.</translation>
    </message>
    <message>
        <source>Recharge when the member&apos;s balance falls below this.</source>
        <translation>Doładuj, gdy saldo członka spadnie poniżej tej kwoty.</translation>
    </message>
    <message>
        <source>At most this much recharged in a calendar month.</source>
        <translation>Najwyższa łączna kwota doładowań w miesiącu kalendarzowym.</translation>
    </message>
    <message>
        <source>A member&apos;s automatic recharge from the company balance.</source>
        <translation>Automatyczne doładowanie członka z salda firmy.</translation>
    </message>
    <message>
        <source>The company balance.</source>
        <translation>Saldo firmy.</translation>
    </message>
    <message>
        <source>Renewals, expiries and monthly resets due by now.</source>
        <translation>Należne do teraz odnowienia, wygaśnięcia i miesięczne zerowania.</translation>
    </message>
    <message>
        <source>Usage: switchboardctl [GLOBAL OPTIONS] %1 ...</source>
        <translation>Użycie: switchboardctl [GLOBAL OPTIONS] %1 ...</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Opcje:</translation>
    </message>
    <message>
        <source>Global options and exit status: switchboardctl --help</source>
        <translation>Opcje globalne i kod wyjścia: switchboardctl --help</translation>
    </message>
    <message>
        <source>Company credit to members or to a SIP profile.</source>
        <translation>Środki firmy dla członków lub dla profilu SIP.</translation>
    </message>
    <message>
        <source>credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT to each member; all or nothing</source>
        <translation>credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT dla każdego członka; wszystko albo nic</translation>
    </message>
    <message>
        <source>credit profile NAME AMOUNT                  company credit to a SIP profile</source>
        <translation>credit profile NAME AMOUNT                  środki firmy dla profilu SIP</translation>
    </message>
    <message>
        <source>The same seed generates the same data.</source>
        <translation>To samo ziarno generuje te same dane.</translation>
    </message>
    <message>
        <source>Fill the database with realistic generated data.</source>
        <translation>Wypełnij bazę danych realistycznymi wygenerowanymi danymi.</translation>
    </message>
    <message>
        <source>Create or upgrade the database.</source>
        <translation>Utwórz lub zaktualizuj bazę danych.</translation>
    </message>
    <message>
        <source>The member&apos;s full name (add).</source>
        <translation>Imię i nazwisko członka (add).</translation>
    </message>
    <message>
        <source>The member&apos;s e-mail address (add).</source>
        <translation>Adres e-mail członka (add).</translation>
    </message>
    <message>
        <source>The member&apos;s department (add).</source>
        <translation>Dział członka (add).</translation>
    </message>
    <message>
        <source>Only members whose account, name, e-mail or department contains TEXT, in any case (list).</source>
        <translation>Tylko członkowie, których konto, imię i nazwisko, e-mail lub dział zawiera TEXT, bez względu na wielkość liter (list).</translation>
    </message>
    <message>
        <source>List every problem of the file and write nothing (import).</source>
        <translation>Wypisz każdy problem w pliku i niczego nie zapisuj (import).</translation>
    </message>
    <message>
        <source>member list [--search TEXT]                 every member</source>
        <translation>member list [--search TEXT]                 wszyscy członkowie</translation>
    </message>
    <message>
        <source>member show ACCOUNT                         one member</source>
        <translation>member show ACCOUNT                         jeden członek</translation>
    </message>
    <message>
        <source>member import FILE.csv [--dry-run]          all or nothing; the dry run lists every problem</source>
        <translation>member import FILE.csv [--dry-run]          wszystko albo nic; próba wypisuje każdy problem</translation>
    </message>
    <message>
        <source>member export FILE.csv                      a CSV that member import reads back unchanged</source>
        <translation>member export FILE.csv                      plik CSV, który member import wczytuje bez zmian</translation>
    </message>
    <message>
        <source>The billing period: 1, 3 or 12 (buy).</source>
        <translation>Okres rozliczeniowy: 1, 3 lub 12 (buy).</translation>
    </message>
    <message>
        <source>The member who holds the number (buy, assign).</source>
        <translation>Członek będący posiadaczem numeru (buy, assign).</translation>
    </message>
    <message>
        <source>The SIP profile that holds the number (buy, assign).</source>
        <translation>Profil SIP będący posiadaczem numeru (buy, assign).</translation>
    </message>
    <message>
        <source>Accept the country&apos;s terms where it has them (buy).</source>
        <translation>Zaakceptuj warunki kraju, jeśli je ma (buy).</translation>
    </message>
    <message>
        <source>Only numbers matching TEXT (list).</source>
        <translation>Tylko numery pasujące do TEXT (list).</translation>
    </message>
    <message>
        <source>Only numbers of this country (list).</source>
        <translation>Tylko numery z tego kraju (list).</translation>
    </message>
    <message>
        <source>Phone numbers: where to buy them, buying, assigning, cancelling and listing.</source>
        <translation>Numery telefonów: gdzie je kupić, kupowanie, przypisywanie, anulowanie i wyświetlanie listy.</translation>
    </message>
    <message>
        <source>number countries                            where numbers can be bought</source>
        <translation>number countries                            kraje, w których można kupić numery</translation>
    </message>
    <message>
        <source>number areas COUNTRY                        area codes with place names and numbers left</source>
        <translation>number areas COUNTRY                        numery kierunkowe z nazwami miejscowości i liczbą wolnych numerów</translation>
    </message>
    <message>
        <source>number prices COUNTRY                       price per billing period (1, 3, 12 months)</source>
        <translation>number prices COUNTRY                       cena za okres rozliczeniowy (1, 3, 12 miesięcy)</translation>
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
        <translation>number cancel E164                          działa do końca okresu, bez zwrotu środków</translation>
    </message>
    <message>
        <source>number list [--search TEXT] [--country CC]  every number the company has or had</source>
        <translation>number list [--search TEXT] [--country CC]  wszystkie obecne i dawne numery firmy</translation>
    </message>
    <message>
        <source>IP authentication: the PBX&apos;s public address (create).</source>
        <translation>Uwierzytelnianie IP: publiczny adres centrali PBX (create).</translation>
    </message>
    <message>
        <source>The PBX&apos;s UDP port, with --ip (create).</source>
        <translation>Port UDP centrali PBX, razem z --ip (create).</translation>
    </message>
    <message>
        <source>Simultaneous outgoing calls (create).</source>
        <translation>Jednoczesne połączenia wychodzące (create).</translation>
    </message>
    <message>
        <source>The profile&apos;s department (create).</source>
        <translation>Dział profilu (create).</translation>
    </message>
    <message>
        <source>Where the profile&apos;s credentials go (create).</source>
        <translation>Adres, na który trafią poświadczenia profilu (create).</translation>
    </message>
    <message>
        <source>The PBX: only &quot;asterisk&quot; (PJSIP) for now (pbx-config).</source>
        <translation>Centrala PBX: na razie tylko „asterisk” (PJSIP) (pbx-config).</translation>
    </message>
    <message>
        <source>The member&apos;s extension on the PBX (link).</source>
        <translation>Numer wewnętrzny członka w centrali PBX (link).</translation>
    </message>
    <message>
        <source>Really delete; without it, delete only says what it would do.</source>
        <translation>Naprawdę usuń; bez tej opcji delete tylko informuje, co zostałoby zrobione.</translation>
    </message>
    <message>
        <source>Save the profile&apos;s call records to this CSV first (delete).</source>
        <translation>Najpierw zapisz rekordy połączeń profilu w tym pliku CSV (delete).</translation>
    </message>
    <message>
        <source>SIP profiles: a company PBX&apos;s trunk with its channels, accounts and numbers.</source>
        <translation>Profile SIP: łącze SIP centrali PBX firmy z jego kanałami, kontami i numerami.</translation>
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
        <translation>profile credentials NAME                    nazwa użytkownika SIP, hasło i serwery</translation>
    </message>
    <message>
        <source>profile pbx-config NAME [--format asterisk] ready-to-paste PBX configuration</source>
        <translation>profile pbx-config NAME [--format asterisk] gotowa do wklejenia konfiguracja centrali PBX</translation>
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
        <translation>Faktura lub płatność, z którą wpłynęły środki, na potrzeby księgowości.</translation>
    </message>
    <message>
        <source>Add bought credit to the company balance.</source>
        <translation>Dodaj kupione środki do salda firmy.</translation>
    </message>
    <message>
        <source>US minute bundles renewed: %1 (paid %2 from the profiles&apos; balances), lapsed: %3.</source>
        <translation>Odnowione pakiety minut do USA: %1 (zapłacono %2 z sald profili), wygasłe: %3.</translation>
    </message>
    <message>
        <source>US minute bundles of a SIP profile: 5000 minutes a month each, paid from the profile&apos;s balance, never more than its channels.</source>
        <translation>Pakiety minut do USA dla profilu SIP: po 5000 minut miesięcznie każdy, opłacane z salda profilu, nie więcej niż liczba kanałów profilu.</translation>
    </message>
    <message>
        <source>bundle add PROFILE COUNT      buy bundles for a profile without any</source>
        <translation>bundle add PROFILE COUNT      kup pakiety dla profilu, który ich nie ma</translation>
    </message>
    <message>
        <source>bundle change PROFILE COUNT   refund the unused minutes, buy COUNT at today&apos;s price</source>
        <translation>bundle change PROFILE COUNT   zwrot za niewykorzystane minuty, zakup COUNT pakietów po dzisiejszej cenie</translation>
    </message>
    <message>
        <source>bundle cancel PROFILE         no renewal; usable until the period&apos;s end</source>
        <translation>bundle cancel PROFILE         bez odnowienia; działają do końca okresu</translation>
    </message>
    <message>
        <source>bundle extend PROFILE         pay the next month now (within 30 days of its end)</source>
        <translation>bundle extend PROFILE         zapłać teraz za następny miesiąc (w ciągu 30 dni przed końcem okresu)</translation>
    </message>
    <message>
        <source>Usage: bundle add|change|cancel|extend PROFILE [COUNT]</source>
        <translation>Użycie: bundle add|change|cancel|extend PROFILE [COUNT]</translation>
    </message>
    <message>
        <source>Unknown bundle command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie bundle: „%1”.</translation>
    </message>
    <message>
        <source>Usage: bundle %1 PROFILE COUNT</source>
        <translation>Użycie: bundle %1 PROFILE COUNT</translation>
    </message>
    <message>
        <source>Usage: bundle %1 PROFILE</source>
        <translation>Użycie: bundle %1 PROFILE</translation>
    </message>
    <message>
        <source>bundles: &quot;%1&quot; is not a whole number.</source>
        <translation>liczba pakietów: „%1” nie jest liczbą całkowitą.</translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1: paid %2; the period ends %3.</source>
        <translation>
            <numerusform>%n pakiet minut do USA dla %1: zapłacono %2; okres kończy się %3.</numerusform>
            <numerusform>%n pakiety minut do USA dla %1: zapłacono %2; okres kończy się %3.</numerusform>
            <numerusform>%n pakietów minut do USA dla %1: zapłacono %2; okres kończy się %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n US minute bundle(s) for %1: refunded %2 for unused minutes, paid %3; the period ends %4.</source>
        <translation>
            <numerusform>%n pakiet minut do USA dla %1: zwrócono %2 za niewykorzystane minuty, zapłacono %3; okres kończy się %4.</numerusform>
            <numerusform>%n pakiety minut do USA dla %1: zwrócono %2 za niewykorzystane minuty, zapłacono %3; okres kończy się %4.</numerusform>
            <numerusform>%n pakietów minut do USA dla %1: zwrócono %2 za niewykorzystane minuty, zapłacono %3; okres kończy się %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are cancelled; usable until %2.</source>
        <translation>Anulowano pakiety minut do USA profilu %1; działają do %2.</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are extended: paid %2; next payment %3.</source>
        <translation>Przedłużono pakiety minut do USA profilu %1: zapłacono %2; następna płatność %3.</translation>
    </message>
    <message>
        <source>asterisk (Master.csv) or freeswitch (mod_cdr_csv, template &quot;example&quot;); found from the file when not given.</source>
        <translation>asterisk (Master.csv) lub freeswitch (mod_cdr_csv, szablon „example”); jeśli go nie podano, jest rozpoznawany na podstawie pliku.</translation>
    </message>
    <message>
        <source>The IANA time zone of the file&apos;s times (import; UTC by default) or of --from and --to (list; this computer&apos;s by default).</source>
        <translation>Strefa czasowa IANA godzin w pliku (import; domyślnie UTC) lub dat --from i --to (list; domyślnie strefa tego komputera).</translation>
    </message>
    <message>
        <source>Only the calls this SIP profile paid.</source>
        <translation>Tylko połączenia opłacone przez ten profil SIP.</translation>
    </message>
    <message>
        <source>Only the calls this member paid.</source>
        <translation>Tylko połączenia opłacone przez tego członka.</translation>
    </message>
    <message>
        <source>The first day (YYYY-MM-DD), included.</source>
        <translation>Pierwszy dzień (YYYY-MM-DD), włącznie.</translation>
    </message>
    <message>
        <source>The last day (YYYY-MM-DD), included.</source>
        <translation>Ostatni dzień (YYYY-MM-DD), włącznie.</translation>
    </message>
    <message>
        <source>Write every matching call to this CSV file instead (--limit does not apply).</source>
        <translation>Zamiast tego zapisz wszystkie pasujące połączenia w tym pliku CSV (--limit nie ma zastosowania).</translation>
    </message>
    <message>
        <source>Only calls whose source or destination contains this number.</source>
        <translation>Tylko połączenia, w których numer dzwoniący lub docelowy zawiera ten numer.</translation>
    </message>
    <message>
        <source>How many calls, newest first, from 1 to 1000000 (1000 by default).</source>
        <translation>Liczba połączeń, od najnowszych, od 1 do 1000000 (domyślnie 1000).</translation>
    </message>
    <message>
        <source>The PBX&apos;s call records: import and rate them, list the call history.</source>
        <translation>Rekordy połączeń centrali PBX: import i wycena połączeń, wyświetlanie historii połączeń.</translation>
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
        <translation>Użycie: calls import|list ...</translation>
    </message>
    <message>
        <source>Unknown calls command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie calls: „%1”.</translation>
    </message>
    <message>
        <source>Usage: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</source>
        <translation>Użycie: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]</translation>
    </message>
    <message>
        <source>--format: &quot;%1&quot; is not asterisk or freeswitch.</source>
        <translation>--format: „%1” to nie asterisk ani freeswitch.</translation>
    </message>
    <message>
        <source>--time-zone: &quot;%1&quot; is not an IANA time zone such as Europe/Oslo or America/New_York.</source>
        <translation>--time-zone: „%1” nie jest strefą czasową IANA, np. Europe/Oslo lub America/New_York.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s) with problems.</source>
        <translation>
            <numerusform>… i jeszcze %n wiersz z problemami.</numerusform>
            <numerusform>… i jeszcze %n wiersze z problemami.</numerusform>
            <numerusform>… i jeszcze %n wierszy z problemami.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unknown account code &quot;%1&quot;: %n record(s), the first on line %2.</source>
        <translation>
            <numerusform>Nieznany kod konta „%1”: %n rekord, w wierszu %2.</numerusform>
            <numerusform>Nieznany kod konta „%1”: %n rekordy, pierwszy w wierszu %2.</numerusform>
            <numerusform>Nieznany kod konta „%1”: %n rekordów, pierwszy w wierszu %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2 was not charged: %3</source>
        <translation>wiersz %1: nie naliczono opłaty za połączenie na %2: %3</translation>
    </message>
    <message>
        <source>Imported calls: %1; duplicates skipped: %2; lines with problems: %3; calls charged: %5, %4 in all.</source>
        <translation>Zaimportowane połączenia: %1, pominięte duplikaty: %2, wiersze z problemami: %3; naliczono %4 za połączenia: %5.</translation>
    </message>
    <message>
        <source>Usage: calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</source>
        <translation>Użycie: calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]</translation>
    </message>
    <message>
        <source>Give --profile or --member, not both.</source>
        <translation>Podaj --profile albo --member, nie obie opcje naraz.</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation>--%1: „%2” nie jest datą (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2).</source>
        <translation>Data --to (%1) jest wcześniejsza niż --from (%2).</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 1000000.</source>
        <translation>--limit: „%1” nie jest liczbą od 1 do 1000000.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n call(s) to %1.</source>
        <translation>
            <numerusform>Wyeksportowano %n połączenie do %1.</numerusform>
            <numerusform>Wyeksportowano %n połączenia do %1.</numerusform>
            <numerusform>Wyeksportowano %n połączeń do %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>How many members, 0 to %1 (200 if not given).</source>
        <translation>Liczba członków, od 0 do %1 (domyślnie 200).</translation>
    </message>
    <message>
        <source>How many SIP profiles with channels, 0 to %1.</source>
        <translation>Liczba profili SIP z kanałami, od 0 do %1.</translation>
    </message>
    <message>
        <source>How many numbers across the catalogue, for members and profiles (at most what the catalogue has free).</source>
        <translation>Liczba numerów z całego katalogu dla członków i profili (najwyżej tyle, ile katalog ma wolnych).</translation>
    </message>
    <message>
        <source>How many call records over the last three months, rated and charged like an imported Master.csv.</source>
        <translation>Liczba rekordów połączeń z ostatnich trzech miesięcy, wycenionych i rozliczonych jak zaimportowany plik Master.csv.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 0 to %3.</source>
        <translation>%1: „%2” nie jest liczbą od 0 do %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n SIP profile(s); channels: %1, numbers: %2.</source>
        <translation>
            <numerusform>%n profil SIP, kanały: %1, numery: %2.</numerusform>
            <numerusform>%n profile SIP, kanały: %1, numery: %2.</numerusform>
            <numerusform>%n profili SIP, kanały: %1, numery: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue had only %1 free numbers of the %2 asked for.</source>
        <translation>Katalog miał wolnych tylko %1 z %2 żądanych numerów.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) imported; charged calls: %1, %2 in all; payers left owing: %3, %4 together.</source>
        <translation>
            <numerusform>Zaimportowano %n połączenie; z naliczoną opłatą: %1 (łącznie %2); płatnicy z zadłużeniem: %3 (łącznie %4).</numerusform>
            <numerusform>Zaimportowano %n połączenia; z naliczoną opłatą: %1 (łącznie %2); płatnicy z zadłużeniem: %3 (łącznie %4).</numerusform>
            <numerusform>Zaimportowano %n połączeń; z naliczoną opłatą: %1 (łącznie %2); płatnicy z zadłużeniem: %3 (łącznie %4).</numerusform>
        </translation>
    </message>
    <message>
        <source>The price list in force: showing it, and importing one in its place.</source>
        <translation>Obowiązujący cennik: wyświetlanie go i import nowego w jego miejsce.</translation>
    </message>
    <message>
        <source>prices show                                 bundle, channel and number prices, per-minute rates</source>
        <translation>prices show                                 ceny pakietów, kanałów i numerów, stawki za minutę</translation>
    </message>
    <message>
        <source>prices import FILE                          replace the price list with FILE (JSON, validated whole)</source>
        <translation>prices import FILE                          zastąp cennik plikiem FILE (JSON, sprawdzany w całości)</translation>
    </message>
    <message>
        <source>Usage: prices show|import ...</source>
        <translation>Użycie: prices show|import ...</translation>
    </message>
    <message>
        <source>Unknown prices command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie prices: „%1”.</translation>
    </message>
    <message>
        <source>Usage: prices show</source>
        <translation>Użycie: prices show</translation>
    </message>
    <message>
        <source>Price list in force: imported</source>
        <translation>Obowiązujący cennik: zaimportowany</translation>
    </message>
    <message>
        <source>Price list in force: built-in</source>
        <translation>Obowiązujący cennik: wbudowany</translation>
    </message>
    <message>
        <source>US minute bundle (5000 minutes a month): %1 %2</source>
        <translation>Pakiet minut do USA (5000 minut miesięcznie): %1 %2</translation>
    </message>
    <message>
        <source>Channel (a month): %1 %2</source>
        <translation>Kanał (miesięcznie): %1 %2</translation>
    </message>
    <message>
        <source>Numbers (1, 3 and 12 months):</source>
        <translation>Numery (1, 3 i 12 miesięcy):</translation>
    </message>
    <message>
        <source>Per-minute rates (prefix, rate, destination):</source>
        <translation>Stawki za minutę (prefiks, stawka, kierunek):</translation>
    </message>
    <message>
        <source>Usage: prices import FILE</source>
        <translation>Użycie: prices import FILE</translation>
    </message>
    <message>
        <source>Imported the price list %1: number prices for %2 countries, %3 per-minute rates. It is in force now.</source>
        <translation>Zaimportowano cennik %1: ceny numerów dla krajów: %2, stawki za minutę: %3. Cennik obowiązuje od teraz.</translation>
    </message>
    <message>
        <source>US bundles:    none</source>
        <translation>Pakiety do USA:        brak</translation>
    </message>
    <message>
        <source>US bundles:    %1 at %2 each; %3 of %4 minutes used until %5; %6</source>
        <translation>Pakiety do USA:        %1 po %2; wykorzystano %3 z %4 minut w okresie do %5; %6</translation>
    </message>
    <message>
        <source>cancelled, usable until %1</source>
        <translation>anulowane, działają do %1</translation>
    </message>
    <message>
        <source>next payment %1</source>
        <translation>następna płatność %1</translation>
    </message>
    <message>
        <source>Monthly cost:  %1 (channels %2, bundles %3)</source>
        <translation>Koszt miesięczny:      %1 (kanały %2, pakiety %3)</translation>
    </message>
    <message>
        <source>The member&apos;s country, two letters (add; default US): numbers it dials are read as dialled there.</source>
        <translation>Kraj członka, dwie litery (add; domyślnie US): wybierane przez niego numery są interpretowane tak, jakby wybrano je w tym kraju.</translation>
    </message>
    <message>
        <source>Country:     %1</source>
        <translation>Kraj:            %1</translation>
    </message>
    <message>
        <source>The members of the account: add, list, show, country, import and export.</source>
        <translation>Członkowie konta: add, list, show, country, import i export.</translation>
    </message>
    <message>
        <source>member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</source>
        <translation>member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</translation>
    </message>
    <message>
        <source>member country ACCOUNT CC                   the country its dialled numbers are read in</source>
        <translation>member country ACCOUNT CC                   kraj, w którym interpretowane są wybierane numery</translation>
    </message>
    <message>
        <source>Usage: member add|list|show|country|import|export ...</source>
        <translation>Użycie: member add|list|show|country|import|export ...</translation>
    </message>
    <message>
        <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</source>
        <translation>Użycie: member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]</translation>
    </message>
    <message>
        <source>Usage: member country ACCOUNT CC</source>
        <translation>Użycie: member country ACCOUNT CC</translation>
    </message>
    <message>
        <source>The country of %1 is now %2.</source>
        <translation>Konto %1 ma teraz ustawiony kraj %2.</translation>
    </message>
    <message>
        <source>The profile&apos;s country, two letters (create; default US): numbers its calls dial are read as dialled there.</source>
        <translation>Kraj profilu, dwie litery (create; domyślnie US): numery wybierane w jego połączeniach są interpretowane tak, jakby wybrano je w tym kraju.</translation>
    </message>
    <message>
        <source>Country:       %1</source>
        <translation>Kraj:                  %1</translation>
    </message>
    <message>
        <source>profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</source>
        <translation>profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</translation>
    </message>
    <message>
        <source>profile country NAME CC                     the country its dialled numbers are read in</source>
        <translation>profile country NAME CC                     kraj, w którym interpretowane są wybierane numery</translation>
    </message>
    <message>
        <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</source>
        <translation>Użycie: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] [--country CC]</translation>
    </message>
    <message>
        <source>Usage: profile country NAME CC</source>
        <translation>Użycie: profile country NAME CC</translation>
    </message>
    <message>
        <source>The country of SIP profile %1 is now %2.</source>
        <translation>Profil SIP %1 ma teraz ustawiony kraj %2.</translation>
    </message>
    <message>
        <source>Advice per SIP profile: the channels its busiest hour needs (Erlang B at 1% blocking) and the US minute bundles that would have cost least over its last three full months of calls.</source>
        <translation>Zalecenia dla każdego profilu SIP: liczba kanałów potrzebna w godzinie największego ruchu (Erlang B przy blokadzie 1%) oraz pakiety minut do USA, które kosztowałyby najmniej w ostatnich trzech pełnych miesiącach połączeń.</translation>
    </message>
    <message>
        <source>advice [PROFILE]                            every profile, or the one named</source>
        <translation>advice [PROFILE]                            wszystkie profile albo wskazany profil</translation>
    </message>
    <message>
        <source>Usage: advice [PROFILE]</source>
        <translation>Użycie: advice [PROFILE]</translation>
    </message>
    <message>
        <source>There are no SIP profiles.</source>
        <translation>Nie ma żadnych profili SIP.</translation>
    </message>
    <message>
        <source>  Channels: %1; the busiest hour (%2 UTC, %3 erlangs) needs %4 at 1% blocking.</source>
        <translation>  Kanały: %1; godzina największego ruchu (%2 UTC, %3 Erl) wymaga kanałów: %4 przy blokadzie 1%.</translation>
    </message>
    <message>
        <source>  Channels: %1; no call records yet.</source>
        <translation>  Kanały: %1; brak jeszcze rekordów połączeń.</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; not enough call records yet (no full month).</source>
        <translation>  Pakiety do USA: %1; jeszcze za mało rekordów połączeń (brak pełnego miesiąca).</translation>
    </message>
    <message>
        <source>  US minute bundles: none; none would have paid off (%1 to %2).</source>
        <translation>  Pakiety do USA: brak; żadne by się nie opłaciły (od %1 do %2).</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; keep them (%2 to %3).</source>
        <translation>  Pakiety do USA: %1; warto je zachować (od %2 do %3).</translation>
    </message>
    <message>
        <source>  US minute bundles: %1; %2 would have cost least, saving %3 %4 a month (%5 to %6).</source>
        <translation>  Pakiety do USA: %1; najmniej kosztowałoby %2, oszczędność %3 %4 miesięcznie (od %5 do %6).</translation>
    </message>
    <message>
        <source>The calendar month (UTC), YYYY-MM.</source>
        <translation>Miesiąc kalendarzowy (UTC), RRRR-MM.</translation>
    </message>
    <message>
        <source>Write the statement to this PDF file.</source>
        <translation>Zapisz zestawienie w tym pliku PDF.</translation>
    </message>
    <message>
        <source>Write the statement to this CSV file.</source>
        <translation>Zapisz zestawienie w tym pliku CSV.</translation>
    </message>
    <message>
        <source>Reports: the monthly statement as PDF or CSV.</source>
        <translation>Raporty: zestawienie miesięczne w formacie PDF lub CSV.</translation>
    </message>
    <message>
        <source>report statement --month YYYY-MM (--pdf FILE | --csv FILE)</source>
        <translation>report statement --month YYYY-MM (--pdf FILE | --csv FILE)</translation>
    </message>
    <message>
        <source>Usage: report statement --month YYYY-MM (--pdf FILE | --csv FILE)</source>
        <translation>Użycie: report statement --month YYYY-MM (--pdf FILE | --csv FILE)</translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;.</source>
        <translation>Nieznany raport „%1”.</translation>
    </message>
    <message>
        <source>Statement of %1 written to %2: company balance %3 at the start, %4 at the end; spent %5.</source>
        <translation>Zestawienie za %1 zapisano w %2: saldo firmy %3 na początku, %4 na końcu; wydatki %5.</translation>
    </message>
    <message>
        <source>--now: %1 is more than a year away from this computer&apos;s clock (%2); add --force-time if that is what you mean.</source>
        <translation>--now: %1 różni się o ponad rok od zegara tego komputera (%2); dodaj --force-time, jeśli właśnie o to chodzi.</translation>
    </message>
    <message>
        <source>profile send-credentials NAME               mail the credentials to the profile&apos;s e-mail</source>
        <translation>profile send-credentials NAME               wyślij poświadczenia na adres e-mail profilu</translation>
    </message>
    <message>
        <source>profile probe NAME [--timeout-ms N]          SIP OPTIONS to the PBX and the provider&apos;s servers</source>
        <translation>profile probe NAME [--timeout-ms N]          SIP OPTIONS do centrali PBX i serwerów dostawcy</translation>
    </message>
    <message>
        <source>Usage: profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|link|unlink|delete|probe ...</source>
        <translation>Użycie: profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|link|unlink|delete|probe ...</translation>
    </message>
    <message>
        <source>The credentials were sent to %1.</source>
        <translation>Poświadczenia wysłano na adres %1.</translation>
    </message>
    <message>
        <source>The credentials were not sent: %1</source>
        <translation>Nie wysłano poświadczeń: %1</translation>
    </message>
    <message>
        <source>Usage: profile send-credentials NAME</source>
        <translation>Użycie: profile send-credentials NAME</translation>
    </message>
    <message>
        <source>The credentials of %1 were sent to %2.</source>
        <translation>Poświadczenia profilu %1 wysłano na adres %2.</translation>
    </message>
    <message>
        <source>How long to wait for each server, 500 to 32000 ms (probe; default: the setting, 32000 unless changed).</source>
        <translation>Czas oczekiwania na każdy serwer, od 500 do 32000 ms (probe; domyślnie wartość z ustawień, czyli 32000, jeśli jej nie zmieniono).</translation>
    </message>
    <message>
        <source>Checks a SIP profile&apos;s trunk: SIP OPTIONS to its PBX and the provider&apos;s servers.</source>
        <translation>Sprawdzanie łącza profilu SIP: SIP OPTIONS do jego centrali PBX i serwerów dostawcy.</translation>
    </message>
    <message>
        <source>profile probe NAME [--timeout-ms N]      SIP OPTIONS to the PBX and the provider&apos;s servers</source>
        <translation>profile probe NAME [--timeout-ms N]      SIP OPTIONS do centrali PBX i serwerów dostawcy</translation>
    </message>
    <message>
        <source>Usage: profile probe NAME [--timeout-ms N]</source>
        <translation>Użycie: profile probe NAME [--timeout-ms N]</translation>
    </message>
    <message>
        <source>PBX:      %1</source>
        <translation>Centrala PBX: %1</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Dostawca:     %1</translation>
    </message>
    <message>
        <source>The mail server&apos;s host name (mail).</source>
        <translation>Nazwa hosta serwera poczty (mail).</translation>
    </message>
    <message>
        <source>The mail server&apos;s port (mail; default 587 for starttls, 465 for tls, 25 for none).</source>
        <translation>Port serwera poczty (mail; domyślnie 587 dla starttls, 465 dla tls, 25 dla none).</translation>
    </message>
    <message>
        <source>starttls, tls, or none for a server on this machine only (mail; default starttls).</source>
        <translation>starttls, tls lub none, przy czym none tylko dla serwera na tym komputerze (mail; domyślnie starttls).</translation>
    </message>
    <message>
        <source>The sender address of the messages (mail).</source>
        <translation>Adres nadawcy wiadomości (mail).</translation>
    </message>
    <message>
        <source>The user to log in as (mail); without it, no login.</source>
        <translation>Nazwa użytkownika do logowania (mail); bez tej opcji program się nie loguje.</translation>
    </message>
    <message>
        <source>Read the user&apos;s password from the first line of standard input (mail); without it, the stored password is kept.</source>
        <translation>Odczytaj hasło użytkownika z pierwszego wiersza standardowego wejścia (mail); bez tej opcji zapisane hasło pozostaje bez zmian.</translation>
    </message>
    <message>
        <source>Mail server:  none</source>
        <translation>Serwer poczty: brak</translation>
    </message>
    <message>
        <source>Mail server:  %1, port %2 (%3), sender %4, no login</source>
        <translation>Serwer poczty: %1, port %2 (%3), nadawca %4, bez logowania</translation>
    </message>
    <message>
        <source>Mail server:  %1, port %2 (%3), sender %4, login as %5</source>
        <translation>Serwer poczty: %1, port %2 (%3), nadawca %4, logowanie jako %5</translation>
    </message>
    <message>
        <source>Settings every copy of the program shares: the provider&apos;s SIP servers and the mail server.</source>
        <translation>Ustawienia wspólne dla wszystkich kopii programu: serwery SIP dostawcy i serwer poczty.</translation>
    </message>
    <message>
        <source>settings show                               the SIP servers and the mail server</source>
        <translation>settings show                               serwery SIP i serwer poczty</translation>
    </message>
    <message>
        <source>settings sip-servers HOST:PORT[,HOST:PORT...] the provider&apos;s SIP servers</source>
        <translation>settings sip-servers HOST:PORT[,HOST:PORT...] serwery SIP dostawcy</translation>
    </message>
    <message>
        <source>settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</source>
        <translation>settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</translation>
    </message>
    <message>
        <source>settings mail test ADDRESS                  send a test message through the mail server</source>
        <translation>settings mail test ADDRESS                  wyślij wiadomość testową przez serwer poczty</translation>
    </message>
    <message>
        <source>settings mail clear                         forget the mail server and its password</source>
        <translation>settings mail clear                         usuń serwer poczty i jego hasło</translation>
    </message>
    <message>
        <source>Usage: settings show|sip-servers|mail ...</source>
        <translation>Użycie: settings show|sip-servers|mail ...</translation>
    </message>
    <message>
        <source>Unknown settings command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie settings: „%1”.</translation>
    </message>
    <message>
        <source>Usage: settings show</source>
        <translation>Użycie: settings show</translation>
    </message>
    <message>
        <source>SIP servers:  %1</source>
        <translation>Serwery SIP:   %1</translation>
    </message>
    <message>
        <source>Usage: settings sip-servers HOST:PORT[,HOST:PORT...]</source>
        <translation>Użycie: settings sip-servers HOST:PORT[,HOST:PORT...]</translation>
    </message>
    <message>
        <source>Usage: settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</source>
        <translation>Użycie: settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS [--user USER --password-stdin]</translation>
    </message>
    <message>
        <source>--password-stdin goes with --user.</source>
        <translation>Opcji --password-stdin używa się razem z --user.</translation>
    </message>
    <message>
        <source>--security: &quot;%1&quot; is not starttls, tls or none.</source>
        <translation>--security: „%1” to nie starttls, tls ani none.</translation>
    </message>
    <message>
        <source>--password-stdin: standard input held no password.</source>
        <translation>--password-stdin: standardowe wejście nie zawierało hasła.</translation>
    </message>
    <message>
        <source>Usage: settings mail test ADDRESS</source>
        <translation>Użycie: settings mail test ADDRESS</translation>
    </message>
    <message>
        <source>The mail server accepted a test message to %1.</source>
        <translation>Serwer poczty przyjął wiadomość testową adresowaną do %1.</translation>
    </message>
    <message>
        <source>Usage: settings mail clear</source>
        <translation>Użycie: settings mail clear</translation>
    </message>
    <message>
        <source>Mix the demo data into a database that already holds an account.</source>
        <translation>Wymieszaj dane demonstracyjne z bazą danych, która zawiera już konto.</translation>
    </message>
    <message>
        <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]</source>
        <translation>Użycie: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]</translation>
    </message>
    <message>
        <source>%1 Add --yes to mix it in all the same.</source>
        <translation>%1 Dodaj --yes, aby mimo to je wymieszać.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n channel(s) (it had %2): paid %3, credited %4 for the unused days of the old ones, next payment on %5.</source>
        <translation>
            <numerusform>Profil %1 ma teraz %n kanał (miał %2): zapłacono %3, zwrócono %4 za niewykorzystane dni poprzednich kanałów, następna płatność %5.</numerusform>
            <numerusform>Profil %1 ma teraz %n kanały (miał %2): zapłacono %3, zwrócono %4 za niewykorzystane dni poprzednich kanałów, następna płatność %5.</numerusform>
            <numerusform>Profil %1 ma teraz %n kanałów (miał %2): zapłacono %3, zwrócono %4 za niewykorzystane dni poprzednich kanałów, następna płatność %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...</source>
        <translation>Użycie: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Polecenia:</translation>
    </message>
    <message>
        <source>COMMAND --help shows a command&apos;s options.</source>
        <translation>COMMAND --help pokazuje opcje polecenia.</translation>
    </message>
    <message>
        <source>The database defaults to $SWITCHBOARD_DATABASE, else the window&apos;s own SQLite file.</source>
        <translation>Domyślnie używana jest baza danych wskazana przez $SWITCHBOARD_DATABASE, a gdy ta zmienna nie jest ustawiona — własny plik SQLite aplikacji okienkowej.</translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 refused (nothing changed), 2 usage error.</source>
        <translation>Kod wyjścia: 0 — wykonano, 1 — odmowa (nic nie zmieniono), 2 — błąd użycia.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Aktywność</translation>
    </message>
    <message>
        <source>Search by who, action, account, profile or number (Ctrl+F)</source>
        <translation>Szukaj: osoba, czynność, konto, profil, numer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Przeszukaj aktywność</translation>
    </message>
    <message>
        <source>Nothing has happened yet</source>
        <translation>Nic się jeszcze nie wydarzyło</translation>
    </message>
    <message>
        <source>Every change to the account is logged here with who made it and when: top-ups, members, numbers, SIP profiles and billing.</source>
        <translation>Każda zmiana na koncie jest tu zapisywana wraz z informacją, kto i kiedy jej dokonał: doładowania, członkowie, numery, profile SIP i rozliczenia.</translation>
    </message>
</context>
<context>
    <name>sb::ui::AddMemberDialog</name>
    <message>
        <source>Add member</source>
        <translation>Dodaj członka</translation>
    </message>
    <message>
        <source>The account name is how the member signs in: 6 to 32 characters, starting with a letter; letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Nazwą konta członek się loguje: od 6 do 32 znaków, zaczyna się literą; litery, cyfry, „.”, „_” i „-”.</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nazwa &amp;konta:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nazwa &amp;wyświetlana:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>De&amp;partment:</source>
        <translation>&amp;Dział:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nazwa konta</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>np. %1</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nazwa wyświetlana</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcjonalnie</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>Kra&amp;j:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Kraj</translation>
    </message>
    <message>
        <source>Numbers the member dials are read as dialled in this country (its national forms and international prefix).</source>
        <translation>Numery wybierane przez członka są interpretowane tak, jakby wybrano je w tym kraju (według jego formatów krajowych i prefiksu międzynarodowego).</translation>
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
            <numerusform>%1 i %n inny</numerusform>
            <numerusform>%1 i %n innych</numerusform>
            <numerusform>%1 i %n innych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give credit to %n member(s): %1</source>
        <translation>
            <numerusform>Przydziel środki %n członkowi: %1</numerusform>
            <numerusform>Przydziel środki %n członkom: %1</numerusform>
            <numerusform>Przydziel środki %n członkom: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>„%1” nie jest kwotą. Wpisz ją tak: %2.</translation>
    </message>
    <message>
        <source>The total is too large.</source>
        <translation>Suma jest za duża.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Top up the company balance first, or give less.</source>
        <translation>
            <numerusform>Saldo firmy (%1) nie pokrywa %2 dla %n członka (łącznie %3). Najpierw doładuj saldo firmy albo przydziel mniej.</numerusform>
            <numerusform>Saldo firmy (%1) nie pokrywa %2 dla każdego z %n członków (łącznie %3). Najpierw doładuj saldo firmy albo przydziel mniej.</numerusform>
            <numerusform>Saldo firmy (%1) nie pokrywa %2 dla każdego z %n członków (łącznie %3). Najpierw doładuj saldo firmy albo przydziel mniej.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%2 × %n member(s))</source>
        <translation>
            <numerusform>Razem: %1 (%2 × %n członek)</numerusform>
            <numerusform>Razem: %1 (%2 × %n członków)</numerusform>
            <numerusform>Razem: %1 (%2 × %n członków)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Razem: —</translation>
    </message>
    <message>
        <source>Company balance: %1, after the allocation: %2.</source>
        <translation>Saldo firmy: %1, po przydziale: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Saldo firmy: %1.</translation>
    </message>
    <message>
        <source>Allocate %1</source>
        <translation>Przydziel %1</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Przydziel</translation>
    </message>
    <message>
        <source>Allocate credit</source>
        <translation>Przydziel środki</translation>
    </message>
    <message>
        <source>&amp;Amount for each member (%1):</source>
        <translation>&amp;Kwota dla każdego członka (%1):</translation>
    </message>
    <message>
        <source>Amount for each member</source>
        <translation>Kwota dla każdego członka</translation>
    </message>
    <message>
        <source>Selected members</source>
        <translation>Wybrani członkowie</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Razem</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Saldo firmy</translation>
    </message>
    <message>
        <source>The amount is deducted from the company balance at once and added to each member. Allocated credit cannot be taken back from a member.</source>
        <translation>Kwota zostanie od razu odjęta od salda firmy i dodana każdemu członkowi. Przydzielonych środków nie można odebrać członkowi.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>sb::ui::AllocateProfileCreditDialog</name>
    <message>
        <source>Give credit to the SIP profile %1 (balance now %2). Its calls are paid from it.</source>
        <translation>Przydziel środki profilowi SIP %1 (obecne saldo: %2). Z nich są opłacane jego połączenia.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>„%1” nie jest kwotą. Wpisz ją tak: %2.</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2. Top up the company balance first, or give less.</source>
        <translation>Saldo firmy (%1) nie pokrywa %2. Najpierw doładuj saldo firmy albo przydziel mniej.</translation>
    </message>
    <message>
        <source>Company balance: %1, after the allocation: %2.</source>
        <translation>Saldo firmy: %1, po przydziale: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Saldo firmy: %1.</translation>
    </message>
    <message>
        <source>Allocate %1</source>
        <translation>Przydziel %1</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Przydziel</translation>
    </message>
    <message>
        <source>Allocate credit to a SIP profile</source>
        <translation>Przydziel środki profilowi SIP</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Kwota (%1):</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>Profil SIP</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Saldo firmy</translation>
    </message>
    <message>
        <source>The amount is deducted from the company balance at once. Credit allocated to a SIP profile cannot be taken back; it returns to the company balance only if the profile is deleted.</source>
        <translation>Kwota zostanie od razu odjęta od salda firmy. Środków przydzielonych profilowi SIP nie można odebrać; wracają do salda firmy tylko po usunięciu profilu.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>sb::ui::AmountEdit</name>
    <message>
        <source>e.g. %1</source>
        <translation>np. %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::AutoRechargeDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>„%1” nie jest kwotą. Wpisz ją tak: %2.</translation>
    </message>
    <message>
        <source>Whenever the balance of %1 is below %2, %3 moves from the company balance to the member, at most %4 each calendar month.</source>
        <translation>Za każdym razem, gdy saldo %1 spadnie poniżej %2, %3 przechodzi z salda firmy do członka, najwyżej %4 w miesiącu kalendarzowym.</translation>
    </message>
    <message>
        <source>The balance is %1 now, below the threshold: the recharge happens as soon as you save.</source>
        <translation>Saldo wynosi teraz %1, poniżej progu: doładowanie nastąpi od razu po zapisaniu.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1</source>
        <translation>Automatyczne doładowanie dla %1</translation>
    </message>
    <message>
        <source>%1 (%2) has %3.</source>
        <translation>%1 (%2) ma %3.</translation>
    </message>
    <message>
        <source>Auto-recharge is off.</source>
        <translation>Automatyczne doładowanie jest wyłączone.</translation>
    </message>
    <message>
        <source>Auto-recharge is on. Recharged this month: %1 of %2.</source>
        <translation>Automatyczne doładowanie jest włączone. Doładowano w tym miesiącu: %1 z %2.</translation>
    </message>
    <message>
        <source>The monthly recharge limit is reached: auto-recharge is suspended until %1.</source>
        <translation>Osiągnięto miesięczny limit doładowań: automatyczne doładowanie jest wstrzymane do %1.</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Obecny stan</translation>
    </message>
    <message>
        <source>&amp;Recharge the account with (%1):</source>
        <translation>&amp;Doładuj konto kwotą (%1):</translation>
    </message>
    <message>
        <source>&amp;When the balance is below:</source>
        <translation>&amp;Gdy saldo spadnie poniżej:</translation>
    </message>
    <message>
        <source>&amp;Monthly recharge limit:</source>
        <translation>&amp;Miesięczny limit doładowań:</translation>
    </message>
    <message>
        <source>Recharge amount</source>
        <translation>Kwota doładowania</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Próg</translation>
    </message>
    <message>
        <source>Monthly recharge limit</source>
        <translation>Miesięczny limit doładowań</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Co się stanie</translation>
    </message>
    <message>
        <source>Save and enable</source>
        <translation>Zapisz i włącz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Wyłącz</translation>
    </message>
    <message>
        <source>Turn off auto-recharge</source>
        <translation>Wyłącz automatyczne doładowanie</translation>
    </message>
</context>
<context>
    <name>sb::ui::BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trwa praca…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Anulowanie…</translation>
    </message>
</context>
<context>
    <name>sb::ui::BundlesDialog</name>
    <message numerus="yes">
        <source>Each bundle gives %1 5000 minutes a month of calls to US mobiles and landlines, paid from the profile&apos;s own balance. It has %n channel(s): at most that many bundles.</source>
        <translation>
            <numerusform>Każdy pakiet daje profilowi %1 5000 minut miesięcznie na połączenia z telefonami komórkowymi i stacjonarnymi w USA, opłacane z jego własnego salda. Profil ma %n kanał: może mieć najwyżej tyle samo pakietów.</numerusform>
            <numerusform>Każdy pakiet daje profilowi %1 5000 minut miesięcznie na połączenia z telefonami komórkowymi i stacjonarnymi w USA, opłacane z jego własnego salda. Profil ma %n kanały: może mieć najwyżej tyle samo pakietów.</numerusform>
            <numerusform>Każdy pakiet daje profilowi %1 5000 minut miesięcznie na połączenia z telefonami komórkowymi i stacjonarnymi w USA, opłacane z jego własnego salda. Profil ma %n kanałów: może mieć najwyżej tyle samo pakietów.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n bundle(s) at %2 each, %3 of %4 minutes used this period. The current bundles are cancelled and their unused minutes refunded to the profile&apos;s balance; the new count is bought at today&apos;s price.</source>
        <translation>
            <numerusform>Profil %1 ma %n pakiet po %2, w tym okresie wykorzystano %3 z %4 minut. Obecne pakiety zostaną anulowane, a za niewykorzystane minuty nastąpi zwrot na saldo profilu; nowa liczba pakietów zostanie kupiona po dzisiejszej cenie.</numerusform>
            <numerusform>Profil %1 ma %n pakiety po %2, w tym okresie wykorzystano %3 z %4 minut. Obecne pakiety zostaną anulowane, a za niewykorzystane minuty nastąpi zwrot na saldo profilu; nowa liczba pakietów zostanie kupiona po dzisiejszej cenie.</numerusform>
            <numerusform>Profil %1 ma %n pakietów po %2, w tym okresie wykorzystano %3 z %4 minut. Obecne pakiety zostaną anulowane, a za niewykorzystane minuty nastąpi zwrot na saldo profilu; nowa liczba pakietów zostanie kupiona po dzisiejszej cenie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s): %1 a month, paid now; renewed on %2</source>
        <translation>
            <numerusform>%n pakiet: %1 miesięcznie, płatne teraz; odnowienie %2</numerusform>
            <numerusform>%n pakiety: %1 miesięcznie, płatne teraz; odnowienie %2</numerusform>
            <numerusform>%n pakietów: %1 miesięcznie, płatne teraz; odnowienie %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund for %1 unused minutes: %2. New cost: %3 a month.</source>
        <translation>Zwrot za niewykorzystane minuty (%1): %2. Nowy koszt: %3 miesięcznie.</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n bundle(s): choose another count.</source>
        <translation>
            <numerusform>Profil %1 ma już %n pakiet: wybierz inną liczbę.</numerusform>
            <numerusform>Profil %1 ma już %n pakiety: wybierz inną liczbę.</numerusform>
            <numerusform>Profil %1 ma już %n pakietów: wybierz inną liczbę.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The balance of %1 (%2) cannot pay %3 for %n bundle(s). Allocate credit to the profile first.</source>
        <translation>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na %3 za %n pakiet. Najpierw przydziel środki profilowi.</numerusform>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na %3 za %n pakiety. Najpierw przydziel środki profilowi.</numerusform>
            <numerusform>Saldo profilu %1 (%2) nie wystarcza na %3 za %n pakietów. Najpierw przydziel środki profilowi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile balance: %1.</source>
        <translation>Saldo profilu: %1.</translation>
    </message>
    <message>
        <source>Profile balance: %1, after buying: %2.</source>
        <translation>Saldo profilu: %1, po zakupie: %2.</translation>
    </message>
    <message>
        <source>Add US minute bundles</source>
        <translation>Dodaj pakiety minut do USA</translation>
    </message>
    <message>
        <source>Change US minute bundles</source>
        <translation>Zmień pakiety minut do USA</translation>
    </message>
    <message>
        <source>&amp;Bundles (1–%1):</source>
        <translation>&amp;Pakiety (1–%1):</translation>
    </message>
    <message>
        <source>Number of bundles</source>
        <translation>Liczba pakietów</translation>
    </message>
    <message>
        <source>About the bundles</source>
        <translation>O pakietach</translation>
    </message>
    <message>
        <source>Bu&amp;y now</source>
        <translation>&amp;Kup teraz</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>Kup teraz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Advice: not enough call records yet (it needs a full month of calls).</source>
        <translation>Zalecenie: jeszcze za mało rekordów połączeń (potrzebny jest pełny miesiąc połączeń).</translation>
    </message>
    <message>
        <source>Advice: no bundles; they would not have paid off.</source>
        <translation>Zalecenie: bez pakietów; nie opłaciłyby się.</translation>
    </message>
    <message numerus="yes">
        <source>Advice: keep %n bundle(s)</source>
        <translation>
            <numerusform>Zalecenie: zachowaj %n pakiet</numerusform>
            <numerusform>Zalecenie: zachowaj %n pakiety</numerusform>
            <numerusform>Zalecenie: zachowaj %n pakietów</numerusform>
        </translation>
    </message>
    <message>
        <source>Advice: no bundles, saves %1 a month</source>
        <translation>Zalecenie: bez pakietów, oszczędność %1 miesięcznie</translation>
    </message>
    <message numerus="yes">
        <source>Advice: %n bundle(s), saves %1 a month</source>
        <translation>
            <numerusform>Zalecenie: %n pakiet, oszczędność %1 miesięcznie</numerusform>
            <numerusform>Zalecenie: %n pakiety, oszczędność %1 miesięcznie</numerusform>
            <numerusform>Zalecenie: %n pakietów, oszczędność %1 miesięcznie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From the US minutes of the last %n full month(s) with calls (%1 to %2) at today&apos;s prices.</source>
        <translation>
            <numerusform>Na podstawie minut do USA z ostatniego pełnego miesiąca z połączeniami (od %1 do %2), według dzisiejszych cen.</numerusform>
            <numerusform>Na podstawie minut do USA z ostatnich %n pełnych miesięcy z połączeniami (od %1 do %2), według dzisiejszych cen.</numerusform>
            <numerusform>Na podstawie minut do USA z ostatnich %n pełnych miesięcy z połączeniami (od %1 do %2), według dzisiejszych cen.</numerusform>
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
        <translation>%1 jest już na liście: każdy otrzymuje jeden numer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 i %n inny</numerusform>
            <numerusform>%1 i %n innych</numerusform>
            <numerusform>%1 i %n innych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One number for each of %n holder(s): %1</source>
        <translation>
            <numerusform>Jeden numer dla %n posiadacza: %1</numerusform>
            <numerusform>Po jednym numerze dla każdego z %n posiadaczy: %1</numerusform>
            <numerusform>Po jednym numerze dla każdego z %n posiadaczy: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept terms (for example a local address in %1). You will be asked to accept them before buying.</source>
        <translation>Numery z tego kraju (%1) wymagają zaakceptowania warunków przez posiadacza, na przykład posiadania adresu lokalnego (%1). Przed zakupem trzeba będzie je zaakceptować.</translation>
    </message>
    <message>
        <source>Numbers in %1: no extra terms apply.</source>
        <translation>Numery z tego kraju (%1): nie obowiązują żadne dodatkowe warunki.</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation>
            <numerusform>%n miesiąc: %1</numerusform>
            <numerusform>%n miesiące: %1</numerusform>
            <numerusform>%n miesięcy: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices per number: %1.</source>
        <translation>Ceny za numer: %1.</translation>
    </message>
    <message>
        <source>%1 — %2: no numbers left</source>
        <translation>%1 — %2: brak wolnych numerów</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: only %n number(s) left</source>
        <translation>
            <numerusform>%1 — %2: tylko %n wolny numer</numerusform>
            <numerusform>%1 — %2: tylko %n wolne numery</numerusform>
            <numerusform>%1 — %2: tylko %n wolnych numerów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n number(s) available</source>
        <translation>
            <numerusform>%1 — %2: %n dostępny numer</numerusform>
            <numerusform>%1 — %2: %n dostępne numery</numerusform>
            <numerusform>%1 — %2: %n dostępnych numerów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No area of %1 has %n number(s) left. Choose another country.</source>
        <translation>
            <numerusform>Dla żadnego numeru kierunkowego (kraj: %1) nie został %n wolny numer. Wybierz inny kraj.</numerusform>
            <numerusform>Dla żadnego numeru kierunkowego (kraj: %1) nie zostały %n wolne numery. Wybierz inny kraj.</numerusform>
            <numerusform>Dla żadnego numeru kierunkowego (kraj: %1) nie zostało %n wolnych numerów. Wybierz inny kraj.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1 per number</source>
        <translation>
            <numerusform>%n miesiąc: %1 za numer</numerusform>
            <numerusform>%n miesiące: %1 za numer</numerusform>
            <numerusform>%n miesięcy: %1 za numer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 (%2 × %n number(s)), paid now from the company balance</source>
        <translation>
            <numerusform>Razem: %1 (%2 × %n numer), płatne teraz z salda firmy</numerusform>
            <numerusform>Razem: %1 (%2 × %n numery), płatne teraz z salda firmy</numerusform>
            <numerusform>Razem: %1 (%2 × %n numerów), płatne teraz z salda firmy</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after buying: %2.</source>
        <translation>Saldo firmy: %1, po zakupie: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Saldo firmy: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %2 for %n number(s). Top up the company balance first, or choose a shorter period.</source>
        <translation>
            <numerusform>Saldo firmy (%1) nie wystarcza na %2 za %n numer. Najpierw doładuj saldo firmy albo wybierz krótszy okres.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na %2 za %n numery. Najpierw doładuj saldo firmy albo wybierz krótszy okres.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na %2 za %n numerów. Najpierw doładuj saldo firmy albo wybierz krótszy okres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>Razem: —</translation>
    </message>
    <message numerus="yes">
        <source>Each number renews every %n month(s) from the company balance until it is cancelled.</source>
        <translation>
            <numerusform>Każdy numer jest odnawiany co %n miesiąc z salda firmy, dopóki nie zostanie anulowany.</numerusform>
            <numerusform>Każdy numer jest odnawiany co %n miesiące z salda firmy, dopóki nie zostanie anulowany.</numerusform>
            <numerusform>Każdy numer jest odnawiany co %n miesięcy z salda firmy, dopóki nie zostanie anulowany.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1 are offered only to holders who meet the local terms, for example a local address in %1, and who provide more details on request. The terms may change with local regulation; a holder who no longer meets them may lose the number.</source>
        <translation>Numery z tego kraju (%1) są oferowane tylko posiadaczom, którzy spełniają lokalne warunki, na przykład mają adres lokalny (%1), i na żądanie podają dodatkowe dane. Warunki mogą się zmienić wraz z lokalnymi przepisami; posiadacz, który przestanie je spełniać, może utracić numer.</translation>
    </message>
    <message>
        <source>The holders accept the terms for numbers in %1</source>
        <translation>Posiadacze akceptują warunki dotyczące numerów z tego kraju (%1)</translation>
    </message>
    <message>
        <source>Buy numbers</source>
        <translation>Kup numery</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>Kup teraz</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Dalej &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Wstecz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Who gets a number?</source>
        <translation>Kto otrzyma numer?</translation>
    </message>
    <message>
        <source>One number for each member or SIP profile in the list.</source>
        <translation>Jeden numer dla każdego członka lub profilu SIP z listy.</translation>
    </message>
    <message>
        <source>Type an account name or a SIP profile name and choose it from the list, or press Enter to add it.</source>
        <translation>Wpisz nazwę konta lub nazwę profilu SIP i wybierz ją z listy albo naciśnij Enter, aby ją dodać.</translation>
    </message>
    <message>
        <source>&amp;Holder is a:</source>
        <translation>&amp;Posiadacz to:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Członek</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>Profil SIP</translation>
    </message>
    <message>
        <source>Holder is a member or a SIP profile</source>
        <translation>Posiadacz to członek lub profil SIP</translation>
    </message>
    <message>
        <source>&amp;SIP profile:</source>
        <translation>Profil &amp;SIP:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nazwa &amp;konta:</translation>
    </message>
    <message>
        <source>Start typing a SIP profile name</source>
        <translation>Zacznij wpisywać nazwę profilu SIP</translation>
    </message>
    <message>
        <source>Start typing an account name</source>
        <translation>Zacznij wpisywać nazwę konta</translation>
    </message>
    <message>
        <source>SIP profile name</source>
        <translation>Nazwa profilu SIP</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nazwa konta</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Dod&amp;aj</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Dodaj do listy</translation>
    </message>
    <message>
        <source>Who gets a number</source>
        <translation>Kto otrzyma numer</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Usuń z listy</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Kraj</translation>
    </message>
    <message>
        <source>Where the numbers are.</source>
        <translation>Kraj, z którego pochodzą numery.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Kraj:</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Warunki</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Ceny</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Numer kierunkowy</translation>
    </message>
    <message>
        <source>The area code of the numbers, with its place.</source>
        <translation>Numer kierunkowy numerów wraz z miejscowością.</translation>
    </message>
    <message>
        <source>Billing period</source>
        <translation>Okres rozliczeniowy</translation>
    </message>
    <message>
        <source>How often each number is paid.</source>
        <translation>Jak często jest opłacany każdy numer.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Razem</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Saldo firmy</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Odnowienie</translation>
    </message>
    <message>
        <source>The holders must accept the terms before the numbers can be bought.</source>
        <translation>Posiadacze muszą zaakceptować warunki, zanim będzie można kupić numery.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Podsumowanie</translation>
    </message>
    <message>
        <source>Buy and pay %1</source>
        <translation>Kup i zapłać %1</translation>
    </message>
    <message numerus="yes">
        <source>Buying %n number(s) in %1, %2, billed every %3: %4 in all, paid now from the company balance (%5).</source>
        <translation>
            <numerusform>Zakup %n numeru (%1, %2) rozliczanego co %3: łącznie %4, płatność teraz z salda firmy (%5).</numerusform>
            <numerusform>Zakup %n numerów (%1, %2) rozliczanych co %3: łącznie %4, płatność teraz z salda firmy (%5).</numerusform>
            <numerusform>Zakup %n numerów (%1, %2) rozliczanych co %3: łącznie %4, płatność teraz z salda firmy (%5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n miesiąc</numerusform>
            <numerusform>%n miesiące</numerusform>
            <numerusform>%n miesięcy</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::CallsPage</name>
    <message>
        <source>All SIP profiles</source>
        <translation>Wszystkie profile SIP</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Wszystkie działy</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) · %1 billed min. · %2 bundle min. · %3</source>
        <translation>
            <numerusform>%Ln połączenie · %1 min rozliczonych · %2 min z pakietów · %3</numerusform>
            <numerusform>%Ln połączenia · %1 min rozliczonych · %2 min z pakietów · %3</numerusform>
            <numerusform>%Ln połączeń · %1 min rozliczonych · %2 min z pakietów · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The calls cannot be shown: %1</source>
        <translation>Nie można wyświetlić połączeń: %1</translation>
    </message>
    <message>
        <source>Import call records</source>
        <translation>Importuj rekordy połączeń</translation>
    </message>
    <message>
        <source>Call records (*.csv *.log);;All files (*)</source>
        <translation>Rekordy połączeń (*.csv *.log);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importowanie %1…</translation>
    </message>
    <message>
        <source>The import of %1 was cancelled; nothing was changed.</source>
        <translation>Anulowano import %1; nic nie zostało zmienione.</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>Nic nie zaimportowano z %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln call(s) from %1 (%2 already there); charged %3.</source>
        <translation>
            <numerusform>Zaimportowano %Ln połączenie z %1 (już istniejące: %2); naliczono %3.</numerusform>
            <numerusform>Zaimportowano %Ln połączenia z %1 (już istniejące: %2); naliczono %3.</numerusform>
            <numerusform>Zaimportowano %Ln połączeń z %1 (już istniejące: %2); naliczono %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>wiersz %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) could not be read and were skipped:</source>
        <translation>
            <numerusform>%Ln wiersz nie dał się odczytać i został pominięty:</numerusform>
            <numerusform>%Ln wiersze nie dały się odczytać i zostały pominięte:</numerusform>
            <numerusform>%Ln wierszy nie dało się odczytać i zostało pominiętych:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more)</source>
        <translation>
            <numerusform>(i jeszcze %Ln)</numerusform>
            <numerusform>(i jeszcze %Ln)</numerusform>
            <numerusform>(i jeszcze %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; (%Ln record(s), first on line %2)</source>
        <translation>
            <numerusform>„%1” (%Ln rekord, w wierszu %2)</numerusform>
            <numerusform>„%1” (%Ln rekordy, pierwszy w wierszu %2)</numerusform>
            <numerusform>„%1” (%Ln rekordów, pierwszy w wierszu %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) name no member account and no SIP profile and were not imported:</source>
        <translation>
            <numerusform>%Ln rekord nie wskazuje ani konta członka, ani profilu SIP i nie został zaimportowany:</numerusform>
            <numerusform>%Ln rekordy nie wskazują ani konta członka, ani profilu SIP i nie zostały zaimportowane:</numerusform>
            <numerusform>%Ln rekordów nie wskazuje ani konta członka, ani profilu SIP i nie zostało zaimportowanych:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more code(s))</source>
        <translation>
            <numerusform>(i jeszcze %Ln kod)</numerusform>
            <numerusform>(i jeszcze %Ln kody)</numerusform>
            <numerusform>(i jeszcze %Ln kodów)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s) were kept without a charge: no rate for their destination, the first on line %1 (%2).</source>
        <translation>
            <numerusform>Bez naliczenia opłaty zapisano %Ln połączenie: brak stawki dla jego kierunku, w wierszu %1 (%2).</numerusform>
            <numerusform>Bez naliczenia opłaty zapisano %Ln połączenia: brak stawki dla ich kierunków, pierwsze w wierszu %1 (%2).</numerusform>
            <numerusform>Bez naliczenia opłaty zapisano %Ln połączeń: brak stawki dla ich kierunków, pierwsze w wierszu %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payer(s) now owe %1 together: their balances went below zero.</source>
        <translation>
            <numerusform>%Ln płatnik ma teraz zadłużenie %1: jego saldo spadło poniżej zera.</numerusform>
            <numerusform>%Ln płatników ma teraz łącznie zadłużenie %1: ich salda spadły poniżej zera.</numerusform>
            <numerusform>%Ln płatników ma teraz łącznie zadłużenie %1: ich salda spadły poniżej zera.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from %1 with problems.</source>
        <translation>Import z %1 zakończony z problemami.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Eksportuj połączenia</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Pliki CSV (*.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Eksportowanie do %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln call(s) to %1.</source>
        <translation>
            <numerusform>Wyeksportowano %Ln połączenie do %1.</numerusform>
            <numerusform>Wyeksportowano %Ln połączenia do %1.</numerusform>
            <numerusform>Wyeksportowano %Ln połączeń do %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Połączenia i raporty</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Połączenia</translation>
    </message>
    <message>
        <source>Search by number (Ctrl+F)</source>
        <translation>Szukaj według numeru (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search calls by number</source>
        <translation>Szukaj połączeń według numeru</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>P&amp;rofil:</translation>
    </message>
    <message>
        <source>M&amp;ember:</source>
        <translation>Człon&amp;ek:</translation>
    </message>
    <message>
        <source>Any account</source>
        <translation>Dowolne konto</translation>
    </message>
    <message>
        <source>Member account</source>
        <translation>Konto członka</translation>
    </message>
    <message>
        <source>Paid by the SIP profile</source>
        <translation>Opłacone przez profil SIP</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>D&amp;ział:</translation>
    </message>
    <message>
        <source>Paid by the department</source>
        <translation>Opłacone przez dział</translation>
    </message>
    <message>
        <source>From the day</source>
        <translation>Od dnia</translation>
    </message>
    <message>
        <source>To the day (included)</source>
        <translation>Do dnia (włącznie)</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Dowolny dzień</translation>
    </message>
    <message>
        <source>&amp;Import call records…</source>
        <translation>&amp;Importuj rekordy połączeń…</translation>
    </message>
    <message>
        <source>Import a PBX&apos;s call records (Asterisk Master.csv or FreeSWITCH CSV), rate and charge them</source>
        <translation>Importuj rekordy połączeń centrali PBX (Asterisk Master.csv lub FreeSWITCH CSV), wyceń je i nalicz opłaty</translation>
    </message>
    <message>
        <source>E&amp;xport calls…</source>
        <translation>E&amp;ksportuj połączenia…</translation>
    </message>
    <message>
        <source>Export the calls the filters show to a CSV file</source>
        <translation>Eksportuj do pliku CSV połączenia widoczne po zastosowaniu filtrów</translation>
    </message>
    <message>
        <source>Monthly &amp;statement…</source>
        <translation>Zes&amp;tawienie miesięczne…</translation>
    </message>
    <message>
        <source>A month&apos;s balances, spending, top-ups and allocations as PDF or CSV, or printed</source>
        <translation>Salda, wydatki, doładowania i przydziały z jednego miesiąca w formacie PDF lub CSV albo wydrukowane</translation>
    </message>
    <message>
        <source>More than %1 calls match · type more of the number for their totals</source>
        <translation>Pasuje ponad %1 połączeń · wpisz dłuższy fragment numeru, aby zobaczyć sumy</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Nie ma jeszcze połączeń</translation>
    </message>
    <message>
        <source>Import the call records of the PBX (Asterisk Master.csv or FreeSWITCH CSV): each call is rated and charged to its member or SIP profile.</source>
        <translation>Zaimportuj rekordy połączeń z centrali PBX (Asterisk Master.csv lub FreeSWITCH CSV): każde połączenie zostanie wycenione, a opłata naliczona członkowi lub profilowi SIP, do którego należy.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ChangeChannelsDialog</name>
    <message numerus="yes">
        <source>%1 has %n channel(s), not paid since %2: outgoing calls are stopped.</source>
        <translation>
            <numerusform>Profil %1 ma %n kanał, nieopłacony od %2: połączenia wychodzące są wstrzymane.</numerusform>
            <numerusform>Profil %1 ma %n kanały, nieopłacone od %2: połączenia wychodzące są wstrzymane.</numerusform>
            <numerusform>Profil %1 ma %n kanałów, nieopłaconych od %2: połączenia wychodzące są wstrzymane.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n channel(s) (%2 a month), paid until %3.</source>
        <translation>
            <numerusform>Profil %1 ma %n kanał (%2 miesięcznie), opłacony do %3.</numerusform>
            <numerusform>Profil %1 ma %n kanały (%2 miesięcznie), opłacone do %3.</numerusform>
            <numerusform>Profil %1 ma %n kanałów (%2 miesięcznie), opłaconych do %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month</source>
        <translation>
            <numerusform>%n kanał: %1 miesięcznie</numerusform>
            <numerusform>%n kanały: %1 miesięcznie</numerusform>
            <numerusform>%n kanałów: %1 miesięcznie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %2 for %n channel(s).</source>
        <translation>
            <numerusform>Saldo firmy (%1) nie wystarcza na %2 za %n kanał.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na %2 za %n kanały.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na %2 za %n kanałów.</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after the change: %2.</source>
        <translation>Saldo firmy: %1, po zmianie: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Saldo firmy: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Change to %n channel(s)</source>
        <translation>
            <numerusform>Zmień na %n kanał</numerusform>
            <numerusform>Zmień na %n kanały</numerusform>
            <numerusform>Zmień na %n kanałów</numerusform>
        </translation>
    </message>
    <message>
        <source>Change channels</source>
        <translation>Zmień kanały</translation>
    </message>
    <message>
        <source>&amp;Channels (simultaneous calls, %1–%2):</source>
        <translation>&amp;Kanały (jednoczesne połączenia, %1–%2):</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <source>Current channels</source>
        <translation>Obecne kanały</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Co się stanie</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Saldo firmy</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Advice: no call records yet to size the channels by.</source>
        <translation>Zalecenie: brak jeszcze rekordów połączeń, na podstawie których można dobrać liczbę kanałów.</translation>
    </message>
    <message numerus="yes">
        <source>Advice: %n channel(s) for the busiest hour (%1 erlangs at 1% blocking)</source>
        <translation>
            <numerusform>Zalecenie: %n kanał w godzinie największego ruchu (%1 Erl przy blokadzie 1%)</numerusform>
            <numerusform>Zalecenie: %n kanały w godzinie największego ruchu (%1 Erl przy blokadzie 1%)</numerusform>
            <numerusform>Zalecenie: %n kanałów w godzinie największego ruchu (%1 Erl przy blokadzie 1%)</numerusform>
        </translation>
    </message>
    <message>
        <source>The busiest hour of its calls so far began %1.</source>
        <translation>Godzina największego ruchu w dotychczasowych połączeniach zaczęła się %1.</translation>
    </message>
    <message>
        <source>The current channel subscription ends now: its unused days, %1, go back to the company balance. The new one starts today: %2 is paid now, %3 in all, and it renews on %4.</source>
        <translation>Obecny abonament na kanały kończy się teraz: wartość niewykorzystanych dni, %1, wraca na saldo firmy. Nowy abonament zaczyna się dziś: teraz zostanie pobrana kwota %2 (łącznie %3), a abonament odnowi się %4.</translation>
    </message>
    <message>
        <source>The current channel subscription ends now (no days of it are left unused). The new one starts today: %1 is paid now from the company balance, and it renews on %2.</source>
        <translation>Obecny abonament na kanały kończy się teraz (nie zostały z niego żadne niewykorzystane dni). Nowy abonament zaczyna się dziś: kwota %1 zostanie teraz pobrana z salda firmy, a abonament odnowi się %2.</translation>
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
        <translation>Wprowadź publiczny adres IPv4 połączenia internetowego centrali PBX.</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month, the first month paid now from the company balance</source>
        <translation>
            <numerusform>%n kanał: %1 miesięcznie, pierwszy miesiąc płatny teraz z salda firmy</numerusform>
            <numerusform>%n kanały: %1 miesięcznie, pierwszy miesiąc płatny teraz z salda firmy</numerusform>
            <numerusform>%n kanałów: %1 miesięcznie, pierwszy miesiąc płatny teraz z salda firmy</numerusform>
        </translation>
    </message>
    <message>
        <source>Company balance: %1, after creating: %2.</source>
        <translation>Saldo firmy: %1, po utworzeniu: %2.</translation>
    </message>
    <message>
        <source>Company balance: %1.</source>
        <translation>Saldo firmy: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). Top up the company balance first, or choose fewer channels.</source>
        <translation>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanału za pierwszy miesiąc (%2). Najpierw doładuj saldo firmy albo wybierz mniej kanałów.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanałów za pierwszy miesiąc (%2). Najpierw doładuj saldo firmy albo wybierz mniej kanałów.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanałów za pierwszy miesiąc (%2). Najpierw doładuj saldo firmy albo wybierz mniej kanałów.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The SIP profile %1 is ready: %n channel(s), paid until %2 (%3). Set up the PBX with these details.</source>
        <translation>
            <numerusform>Profil SIP %1 jest gotowy: %n kanał, opłacony do %2 (%3). Skonfiguruj centralę PBX, używając tych danych.</numerusform>
            <numerusform>Profil SIP %1 jest gotowy: %n kanały, opłacone do %2 (%3). Skonfiguruj centralę PBX, używając tych danych.</numerusform>
            <numerusform>Profil SIP %1 jest gotowy: %n kanałów, opłaconych do %2 (%3). Skonfiguruj centralę PBX, używając tych danych.</numerusform>
        </translation>
    </message>
    <message>
        <source>Provider SIP servers: %1</source>
        <translation>Serwery SIP dostawcy: %1</translation>
    </message>
    <message>
        <source>SIP username: %1</source>
        <translation>Nazwa użytkownika SIP: %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Hasło: %1</translation>
    </message>
    <message>
        <source>%1, UDP port %2</source>
        <translation>%1, port UDP %2</translation>
    </message>
    <message>
        <source>Keep the password safe. You can show it again at any time on the SIP profiles page.</source>
        <translation>Przechowuj hasło w bezpiecznym miejscu. Możesz je w każdej chwili ponownie wyświetlić na stronie Profile SIP.</translation>
    </message>
    <message>
        <source>The provider accepts calls from this address without registration.</source>
        <translation>Dostawca przyjmuje połączenia z tego adresu bez rejestracji.</translation>
    </message>
    <message>
        <source>Create SIP profile</source>
        <translation>Utwórz profil SIP</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Dalej &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Wstecz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>&amp;Utwórz profil</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>A SIP profile is one SIP trunk for a PBX, with its own credit and channels.</source>
        <translation>Profil SIP to jedno łącze SIP dla centrali PBX, z własnymi środkami i kanałami.</translation>
    </message>
    <message>
        <source>Choose a name that says whose PBX it is, for example the department or the office. The name can be changed later.</source>
        <translation>Wybierz nazwę, która mówi, czyja jest centrala PBX, na przykład nazwę działu lub biura. Nazwę można później zmienić.</translation>
    </message>
    <message>
        <source>&amp;Profile name:</source>
        <translation>Nazwa &amp;profilu:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nazwa profilu</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>np. %1</translation>
    </message>
    <message>
        <source>Sales Oslo</source>
        <translation>Sprzedaż Oslo</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>D&amp;ział:</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcjonalnie</translation>
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
        <translation>opcjonalnie: kto opiekuje się centralą PBX</translation>
    </message>
    <message>
        <source>Authentication and channels</source>
        <translation>Uwierzytelnianie i kanały</translation>
    </message>
    <message>
        <source>How the PBX proves who it is, and how many calls it may make at once.</source>
        <translation>Jak centrala PBX potwierdza swoją tożsamość i ile połączeń może prowadzić jednocześnie.</translation>
    </message>
    <message>
        <source>&amp;Registration (recommended)</source>
        <translation>&amp;Rejestracja (zalecana)</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Rejestracja</translation>
    </message>
    <message>
        <source>The profile gets a SIP username and a strong generated password; the PBX registers with them. You can show the credentials again at any time.</source>
        <translation>Profil otrzymuje nazwę użytkownika SIP i silne wygenerowane hasło; centrala PBX rejestruje się przy ich użyciu. Poświadczenia możesz w każdej chwili wyświetlić ponownie.</translation>
    </message>
    <message>
        <source>&amp;IP authentication, for a PBX that cannot register</source>
        <translation>Uwierzytelnianie &amp;IP dla centrali PBX, która nie obsługuje rejestracji</translation>
    </message>
    <message>
        <source>IP authentication</source>
        <translation>Uwierzytelnianie IP</translation>
    </message>
    <message>
        <source>Public IPv4 &amp;address:</source>
        <translation>Publiczny &amp;adres IPv4:</translation>
    </message>
    <message>
        <source>Public IPv4 address of the PBX</source>
        <translation>Publiczny adres IPv4 centrali PBX</translation>
    </message>
    <message>
        <source>UDP &amp;port:</source>
        <translation>&amp;Port UDP:</translation>
    </message>
    <message>
        <source>UDP port</source>
        <translation>Port UDP</translation>
    </message>
    <message>
        <source>Address check</source>
        <translation>Sprawdzenie adresu</translation>
    </message>
    <message>
        <source>C&amp;hannels (simultaneous calls, %1–%2):</source>
        <translation>&amp;Kanały (jednoczesne połączenia, %1–%2):</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanały</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Saldo firmy</translation>
    </message>
    <message>
        <source>What the PBX needs</source>
        <translation>Czego potrzebuje centrala PBX</translation>
    </message>
    <message>
        <source>The profile is created.</source>
        <translation>Profil został utworzony.</translation>
    </message>
    <message>
        <source>Provider SIP servers:</source>
        <translation>Serwery SIP dostawcy:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nazwa użytkownika:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Hasło:</translation>
    </message>
    <message>
        <source>Allowed IP:</source>
        <translation>Dozwolony adres IP:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Uwaga</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>Kra&amp;j:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Kraj</translation>
    </message>
    <message>
        <source>Numbers the PBX&apos;s calls dial are read as dialled in this country (its national forms and international prefix).</source>
        <translation>Numery wybierane w połączeniach centrali PBX są interpretowane tak, jakby wybrano je w tym kraju (według jego formatów krajowych i prefiksu międzynarodowego).</translation>
    </message>
    <message>
        <source>The credentials went to %1.</source>
        <translation>Poświadczenia wysłano na adres %1.</translation>
    </message>
    <message>
        <source>The credentials were not e-mailed: %1 The profile is ready; send them again from its details.</source>
        <translation>Nie wysłano poświadczeń e-mailem: %1 Profil jest gotowy; wyślij je ponownie w szczegółach profilu.</translation>
    </message>
    <message>
        <source>No mail server is set in Settings, so the credentials were not e-mailed to %1.</source>
        <translation>Nie ustawiono serwera poczty w Ustawieniach, więc poświadczenia nie zostały wysłane e-mailem na adres %1.</translation>
    </message>
    <message>
        <source>Sending the credentials to %1…</source>
        <translation>Wysyłanie poświadczeń na adres %1…</translation>
    </message>
    <message>
        <source>&amp;Create and pay %1</source>
        <translation>&amp;Utwórz i zapłać %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::DashboardCharts</name>
    <message>
        <source>Charts</source>
        <translation>Wykresy</translation>
    </message>
    <message>
        <source>Spending per month (%1)</source>
        <translation>Wydatki miesięczne (%1)</translation>
    </message>
    <message>
        <source>US bundle minutes this period</source>
        <translation>Minuty z pakietów do USA w tym okresie</translation>
    </message>
    <message>
        <source>Most calls at once per day</source>
        <translation>Najwięcej połączeń naraz w ciągu dnia</translation>
    </message>
    <message>
        <source>Company balance (%1)</source>
        <translation>Saldo firmy (%1)</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Według działów</translation>
    </message>
    <message>
        <source>Spending by department</source>
        <translation>Wydatki według działów</translation>
    </message>
    <message>
        <source>Stack the spending by department instead of by kind</source>
        <translation>Grupuj wydatki według działów zamiast według rodzaju</translation>
    </message>
    <message>
        <source>SIP profile of the calls chart</source>
        <translation>Profil SIP na wykresie połączeń</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>The charts could not be read: %1</source>
        <translation>Nie można wczytać wykresów: %1</translation>
    </message>
    <message>
        <source>Nothing spent in the last twelve months. Buy numbers or channels, or import calls, and the spending shows here.</source>
        <translation>Brak wydatków w ostatnich dwunastu miesiącach. Kup numery lub kanały albo zaimportuj połączenia, a wydatki pojawią się tutaj.</translation>
    </message>
    <message>
        <source>The charts could not be read.</source>
        <translation>Nie można wczytać wykresów.</translation>
    </message>
    <message>
        <source>No SIP profile has US minute bundles. Bundles are bought in a profile&apos;s Bundles dialog.</source>
        <translation>Żaden profil SIP nie ma pakietów minut do USA. Pakiety kupuje się w oknie Pakiety danego profilu.</translation>
    </message>
    <message>
        <source>No SIP profiles yet: create one on the SIP profiles page, then import its calls.</source>
        <translation>Nie ma jeszcze profili SIP: utwórz profil na stronie Profile SIP, a następnie zaimportuj jego połączenia.</translation>
    </message>
    <message>
        <source>%1 made no calls in the last %2 days.</source>
        <translation>Profil %1 nie wykonał żadnych połączeń w ostatnich %2 dniach.</translation>
    </message>
    <message>
        <source>The company balance has not moved yet: top it up to start.</source>
        <translation>Saldo firmy jeszcze się nie zmieniło: doładuj je, aby zacząć.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: nothing spent.</source>
        <translation>%1: brak wydatków.</translation>
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
        <translation>%1 Dwanaście miesięcy: %2.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 minutes used</source>
        <translation>%1: wykorzystano %2 z %3 minut</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1 (channels: %2): at most %3 calls at once, on %4; all channels busy on %5 of %6 days.</source>
        <translation>%1 (kanały: %2): najwięcej połączeń naraz: %3 (%4); wszystkie kanały zajęte w %5 z %6 dni.</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 at the start, %4 now; lowest %5, highest %6.</source>
        <translation>Od %1 do %2: %3 na początku, %4 teraz; najniższe %5, najwyższe %6.</translation>
    </message>
</context>
<context>
    <name>sb::ui::DashboardPage</name>
    <message>
        <source>unknown</source>
        <translation>nieznane</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Jeszcze nic się nie wydarzyło.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Saldo firmy</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Członkowie</translation>
    </message>
    <message>
        <source>Credit held by members</source>
        <translation>Środki członków</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Ostatnia aktywność</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Czynność</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>%1 (owed: %2)</source>
        <translation>%1 (zadłużenie: %2)</translation>
    </message>
    <message>
        <source>Put money on the company balance: everything is paid from it.</source>
        <translation>Wpłać pieniądze na saldo firmy: wszystko jest opłacane z niego.</translation>
    </message>
    <message>
        <source>Add the people who call, one by one or imported from a file.</source>
        <translation>Dodaj osoby, które dzwonią, pojedynczo lub importując je z pliku.</translation>
    </message>
    <message>
        <source>Create a SIP profile for each PBX or office line, with its channels.</source>
        <translation>Utwórz profil SIP dla każdej centrali PBX lub linii biurowej, wraz z jej kanałami.</translation>
    </message>
    <message>
        <source>Buy phone numbers for members and SIP profiles.</source>
        <translation>Kup numery telefonów dla członków i profili SIP.</translation>
    </message>
    <message>
        <source>Import the PBX&apos;s call records to charge the calls.</source>
        <translation>Zaimportuj rekordy połączeń z centrali PBX, aby naliczyć opłaty za połączenia.</translation>
    </message>
    <message>
        <source>&amp;What needs you today</source>
        <translation>&amp;Do załatwienia dzisiaj</translation>
    </message>
    <message>
        <source>What needs you today</source>
        <translation>Do załatwienia dzisiaj</translation>
    </message>
    <message>
        <source>Press Enter on an entry to open the page it speaks of.</source>
        <translation>Naciśnij Enter na pozycji, aby otworzyć stronę, której ona dotyczy.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the page it speaks of.</source>
        <translation>Kliknij dwukrotnie lub naciśnij Enter, aby otworzyć stronę, której dotyczy pozycja.</translation>
    </message>
    <message>
        <source>Nothing needs you today.</source>
        <translation>Dzisiaj nie ma nic do załatwienia.</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Pierwsze kroki</translation>
    </message>
    <message>
        <source>The account is empty. Top up the company balance, add the members and the SIP profiles they call through, buy numbers, then import the PBX&apos;s call records.</source>
        <translation>Konto jest puste. Doładuj saldo firmy, dodaj członków i profile SIP, przez które dzwonią, kup numery, a następnie zaimportuj rekordy połączeń z centrali PBX.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Wykresy</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>Owed by members: %1</source>
        <translation>Zadłużenie członków: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::DeleteSipProfileDialog</name>
    <message numerus="yes">
        <source>Exported %Ln call(s) to %1.</source>
        <translation>
            <numerusform>Wyeksportowano %Ln połączenie do %1.</numerusform>
            <numerusform>Wyeksportowano %Ln połączenia do %1.</numerusform>
            <numerusform>Wyeksportowano %Ln połączeń do %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete SIP profile</source>
        <translation>Usuń profil SIP</translation>
    </message>
    <message>
        <source>Delete the SIP profile %1? This happens:</source>
        <translation>Usunąć profil SIP %1? Skutki:</translation>
    </message>
    <message>
        <source>• Its credit of %1 returns to the company balance (%2 → %3).</source>
        <translation>• Środki profilu (%1) wracają do salda firmy (%2 → %3).</translation>
    </message>
    <message>
        <source>• It has no credit left to return to the company balance.</source>
        <translation>• Profil nie ma środków do zwrotu do salda firmy.</translation>
    </message>
    <message>
        <source>• It holds no numbers.</source>
        <translation>• Profil nie ma żadnych numerów.</translation>
    </message>
    <message numerus="yes">
        <source>• %n number(s) return to the company&apos;s pool and can be reassigned (they stay paid and renew until cancelled): %1.</source>
        <translation>
            <numerusform>• %n numer wraca do puli firmy i można go ponownie przypisać (pozostaje opłacony i jest odnawiany do czasu anulowania): %1.</numerusform>
            <numerusform>• %n numery wracają do puli firmy i można je ponownie przypisać (pozostają opłacone i są odnawiane do czasu anulowania): %1.</numerusform>
            <numerusform>• %n numerów wraca do puli firmy i można je ponownie przypisać (pozostają opłacone i są odnawiane do czasu anulowania): %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>• No account is linked to it.</source>
        <translation>• Żadne konto nie jest z nim skojarzone.</translation>
    </message>
    <message numerus="yes">
        <source>• %n account(s) are unlinked and can sign in again: %1.</source>
        <translation>
            <numerusform>• %n konto traci skojarzenie i znów może służyć do logowania: %1.</numerusform>
            <numerusform>• %n konta tracą skojarzenie i znów mogą służyć do logowania: %1.</numerusform>
            <numerusform>• %n kont traci skojarzenie i znów może służyć do logowania: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• Its call history is deleted: %Ln call(s).</source>
        <translation>
            <numerusform>• Historia połączeń zostanie usunięta: %Ln połączenie.</numerusform>
            <numerusform>• Historia połączeń zostanie usunięta: %Ln połączenia.</numerusform>
            <numerusform>• Historia połączeń zostanie usunięta: %Ln połączeń.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• Its %n channel(s), paid until %1, end now; there is no refund for them.</source>
        <translation>
            <numerusform>• Profil ma %n kanał opłacony do %1; kończy się on teraz bez zwrotu środków.</numerusform>
            <numerusform>• Profil ma %n kanały opłacone do %1; kończą się one teraz bez zwrotu środków.</numerusform>
            <numerusform>• Profil ma %n kanałów opłaconych do %1; kończą się one teraz bez zwrotu środków.</numerusform>
        </translation>
    </message>
    <message>
        <source>Consequences</source>
        <translation>Skutki</translation>
    </message>
    <message>
        <source>&amp;Export call history first…</source>
        <translation>&amp;Najpierw wyeksportuj historię połączeń…</translation>
    </message>
    <message>
        <source>Export call history first</source>
        <translation>Najpierw wyeksportuj historię połączeń</translation>
    </message>
    <message numerus="yes">
        <source>Save the profile&apos;s %Ln call(s) to a CSV file before they are deleted</source>
        <translation>
            <numerusform>Zapisz %Ln połączenie profilu w pliku CSV przed jego usunięciem</numerusform>
            <numerusform>Zapisz %Ln połączenia profilu w pliku CSV przed ich usunięciem</numerusform>
            <numerusform>Zapisz %Ln połączeń profilu w pliku CSV przed ich usunięciem</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>&amp;Delete SIP profile</source>
        <translation>&amp;Usuń profil SIP</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>sb::ui::EmptyState</name>
    <message>
        <source>Nothing matches the filters</source>
        <translation>Nic nie pasuje do filtrów</translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation>Nic nie pasuje do „%1”</translation>
    </message>
    <message>
        <source>Check the spelling, or clear the search and the filters to see everything.</source>
        <translation>Sprawdź pisownię albo wyczyść wyszukiwanie i filtry, aby zobaczyć wszystko.</translation>
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
        <translation>Ostrzeżenie: %1</translation>
    </message>
</context>
<context>
    <name>sb::ui::HolderCompleter</name>
    <message>
        <source>%1 — %2 (member)</source>
        <translation>%1 — %2 (członek)</translation>
    </message>
    <message>
        <source>%1 — %2 (member, linked to %3)</source>
        <translation>%1 — %2 (członek, konto skojarzone z profilem %3)</translation>
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
        <translation>Importuj rekordy połączeń</translation>
    </message>
    <message>
        <source>Import the calls of %1, rate them and charge their payers.</source>
        <translation>Zaimportuj połączenia z %1, wyceń je i obciąż ich płatników.</translation>
    </message>
    <message>
        <source>Found from the file</source>
        <translation>Rozpoznawany na podstawie pliku</translation>
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
        <translation>Strefa czasowa godzin w pliku</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Times are in:</source>
        <translation>&amp;Strefa czasowa godzin:</translation>
    </message>
    <message>
        <source>PBXs usually log UTC; choose the PBX&apos;s time zone if it logs local time.</source>
        <translation>Centrale PBX zwykle zapisują czas UTC; jeśli centrala PBX zapisuje czas lokalny, wybierz jej strefę czasową.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importuj</translation>
    </message>
</context>
<context>
    <name>sb::ui::ImportMembersDialog</name>
    <message>
        <source>%1 cannot be imported.</source>
        <translation>Nie można zaimportować %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s) found. Nothing will be imported until every line is right; fix the file and import it again.</source>
        <translation>
            <numerusform>%1: znaleziono %n problem. Nic nie zostanie zaimportowane, dopóki każdy wiersz nie będzie poprawny; popraw plik i zaimportuj go ponownie.</numerusform>
            <numerusform>%1: znaleziono %n problemy. Nic nie zostanie zaimportowane, dopóki każdy wiersz nie będzie poprawny; popraw plik i zaimportuj go ponownie.</numerusform>
            <numerusform>%1: znaleziono %n problemów. Nic nie zostanie zaimportowane, dopóki każdy wiersz nie będzie poprawny; popraw plik i zaimportuj go ponownie.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lists no members to import.</source>
        <translation>%1 nie zawiera członków do zaimportowania.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is ready: %n member(s) can be imported.</source>
        <translation>
            <numerusform>%1 jest gotowy: można zaimportować %n członka.</numerusform>
            <numerusform>%1 jest gotowy: można zaimportować %n członków.</numerusform>
            <numerusform>%1 jest gotowy: można zaimportować %n członków.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>Importuj %n członka</numerusform>
            <numerusform>Importuj %n członków</numerusform>
            <numerusform>Importuj %n członków</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importuj</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importuj członków</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Podsumowanie</translation>
    </message>
    <message>
        <source>Problems by line</source>
        <translation>Problemy według wierszy</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>sb::ui::LinkAccountDialog</name>
    <message>
        <source>Link an account</source>
        <translation>Skojarz konto</translation>
    </message>
    <message>
        <source>Calls to the account, and to the numbers assigned to it, go to the PBX of the SIP profile %1 — to the extension, if you give one.</source>
        <translation>Połączenia do konta i na przypisane mu numery trafiają do centrali PBX profilu SIP %1 — na numer wewnętrzny, jeśli go podasz.</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nazwa &amp;konta:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nazwa konta</translation>
    </message>
    <message>
        <source>Start typing an account name</source>
        <translation>Zacznij wpisywać nazwę konta</translation>
    </message>
    <message>
        <source>&amp;Extension:</source>
        <translation>Numer &amp;wewnętrzny:</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Numer wewnętrzny</translation>
    </message>
    <message>
        <source>optional, digits only</source>
        <translation>opcjonalnie, tylko cyfry</translation>
    </message>
    <message>
        <source>While the account is linked it cannot be used to sign in. An account can be linked to one SIP profile only; unlinking restores sign-in.</source>
        <translation>Gdy konto jest skojarzone, nie można użyć go do logowania. Konto może być skojarzone tylko z jednym profilem SIP; usunięcie skojarzenia przywraca logowanie.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Logowanie</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Skojarz</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Skojarz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>sb::ui::MailServerBox</name>
    <message>
        <source>The server accepted the test message for %1. If it does not arrive, look in the spam folder.</source>
        <translation>Serwer przyjął wiadomość testową do %1. Jeśli nie dotrze, sprawdź folder spamu.</translation>
    </message>
    <message>
        <source>Test message sent to %1.</source>
        <translation>Wysłano wiadomość testową na adres %1.</translation>
    </message>
    <message>
        <source>Type the mail server&apos;s name, such as %1.</source>
        <translation>Wpisz nazwę serwera poczty, np. %1.</translation>
    </message>
    <message>
        <source>Type the password of %1.</source>
        <translation>Wpisz hasło użytkownika %1.</translation>
    </message>
    <message>
        <source>Sends a short message through the server as typed here, before it is saved.</source>
        <translation>Wysyła krótką wiadomość przez serwer z wpisanymi tu ustawieniami, zanim zostaną zapisane.</translation>
    </message>
    <message>
        <source>Sends a short message through this server.</source>
        <translation>Wysyła krótką wiadomość przez ten serwer.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>bez zmian</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>bez logowania</translation>
    </message>
    <message>
        <source>Saved. Credentials and test messages go through %1.</source>
        <translation>Zapisano. Poświadczenia i wiadomości testowe są wysyłane przez %1.</translation>
    </message>
    <message>
        <source>The mail server is now %1, port %2.</source>
        <translation>Serwer poczty to teraz %1, port %2.</translation>
    </message>
    <message>
        <source>No mail server is set: credentials are no longer sent by e-mail.</source>
        <translation>Nie ustawiono serwera poczty: poświadczenia nie są już wysyłane e-mailem.</translation>
    </message>
    <message>
        <source>The mail server was removed.</source>
        <translation>Usunięto serwer poczty.</translation>
    </message>
    <message>
        <source>Sending a test message to %1 through %2…</source>
        <translation>Wysyłanie wiadomości testowej na adres %1 przez %2…</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serwer poczty</translation>
    </message>
    <message>
        <source>New SIP profiles&apos; credentials are sent by e-mail through this server. It is kept in the database, for every admin and switchboardctl.</source>
        <translation>Poświadczenia nowych profili SIP są wysyłane e-mailem przez ten serwer. Jest on zapisany w bazie danych, więc korzystają z niego wszyscy administratorzy i switchboardctl.</translation>
    </message>
    <message>
        <source>Mail s&amp;erver:</source>
        <translation>Serwer p&amp;oczty:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>np. %1</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>Po&amp;rt:</translation>
    </message>
    <message>
        <source>Mail server port</source>
        <translation>Port serwera poczty</translation>
    </message>
    <message>
        <source>Secu&amp;rity:</source>
        <translation>Z&amp;abezpieczenia:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Zabezpieczenia</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (zwykle port 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (zwykle port 465)</translation>
    </message>
    <message>
        <source>None (only a server on this computer)</source>
        <translation>Brak (tylko serwer na tym komputerze)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Użytkownik:</translation>
    </message>
    <message>
        <source>Mail user</source>
        <translation>Użytkownik poczty</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>puste: bez logowania</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>Hasło poczty</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Na&amp;dawca:</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Adres nadawcy</translation>
    </message>
    <message>
        <source>Save mail server</source>
        <translation>Zapisz serwer poczty</translation>
    </message>
    <message>
        <source>Save the mail server</source>
        <translation>Zapisz serwer poczty</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Remove the mail server</source>
        <translation>Usuń serwer poczty</translation>
    </message>
    <message>
        <source>&amp;Test to:</source>
        <translation>&amp;Test na adres:</translation>
    </message>
    <message>
        <source>Test message address</source>
        <translation>Adres wiadomości testowej</translation>
    </message>
    <message>
        <source>your e-mail address</source>
        <translation>własny adres e-mail</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Wyślij wiadomość testową</translation>
    </message>
</context>
<context>
    <name>sb::ui::MainWindow</name>
    <message>
        <source>About Switchboard</source>
        <translation>O programie Switchboard</translation>
    </message>
    <message>
        <source>Company balance: %1</source>
        <translation>Saldo firmy: %1</translation>
    </message>
    <message>
        <source>Company balance: unknown (%1)</source>
        <translation>Saldo firmy: nieznane (%1)</translation>
    </message>
    <message>
        <source>Billing could not run: %1</source>
        <translation>Nie udało się wykonać rozliczenia: %1</translation>
    </message>
    <message>
        <source>Billing: %1</source>
        <translation>Rozliczenie: %1</translation>
    </message>
    <message numerus="yes">
        <source>Billing: %n monthly recharge limit(s) started afresh.</source>
        <translation>
            <numerusform>Rozliczenie: %n miesięczny limit doładowań liczy się od nowa.</numerusform>
            <numerusform>Rozliczenie: %n miesięczne limity doładowań liczą się od nowa.</numerusform>
            <numerusform>Rozliczenie: %n miesięcznych limitów doładowań liczy się od nowa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Billing: nothing was due.</source>
        <translation>Rozliczenie: nic nie było należne.</translation>
    </message>
    <message>
        <source>Topped up %1. Company balance: %2.</source>
        <translation>Doładowano %1. Saldo firmy: %2.</translation>
    </message>
    <message>
        <source>Now using %1.</source>
        <translation>Używana jest teraz %1.</translation>
    </message>
    <message>
        <source>Creating the demo account…</source>
        <translation>Tworzenie konta demonstracyjnego…</translation>
    </message>
    <message>
        <source>There is no such page.</source>
        <translation>Nie ma takiej strony.</translation>
    </message>
    <message>
        <source>The window could not be rendered.</source>
        <translation>Nie udało się narysować okna.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Nie można zapisać %1.</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Członkowie</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numery</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>Profile SIP</translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Połączenia i raporty</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktywność</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>Show %1 (%2)</source>
        <translation>Pokaż: %1 (%2)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Nawigacja</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Strony</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>&amp;Firma</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Członkowie</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Po&amp;moc</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>Główny pasek narzędzi</translation>
    </message>
    <message>
        <source>&amp;Top up…</source>
        <translation>&amp;Doładuj…</translation>
    </message>
    <message>
        <source>Add bought credit to the company balance (%1)</source>
        <translation>Dodaj kupione środki do salda firmy (%1)</translation>
    </message>
    <message>
        <source>Run &amp;billing now</source>
        <translation>&amp;Rozlicz teraz</translation>
    </message>
    <message>
        <source>Process everything due up to now: monthly limits, renewals</source>
        <translation>Przetwórz wszystko, co do tej pory należne: limity miesięczne, odnowienia</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Szukaj</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>&amp;O programie Switchboard</translation>
    </message>
    <message>
        <source>The database in use</source>
        <translation>Używana baza danych</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Baza danych: %1</translation>
    </message>
    <message numerus="yes">
        <source>The demo account is ready: %Ln member(s).</source>
        <translation>
            <numerusform>Konto demonstracyjne jest gotowe: %Ln członek.</numerusform>
            <numerusform>Konto demonstracyjne jest gotowe: %Ln członków.</numerusform>
            <numerusform>Konto demonstracyjne jest gotowe: %Ln członków.</numerusform>
        </translation>
    </message>
    <message>
        <source>Switchboard %1

Runs a company&apos;s business calling account: the company balance, members and their credit, numbers and SIP profiles.</source>
        <translation>Switchboard %1

Obsługuje firmowe konto połączeń: saldo firmy, członków i ich środki, numery oraz profile SIP.</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Numery</translation>
    </message>
    <message>
        <source>&amp;SIP profiles</source>
        <translation>Profile &amp;SIP</translation>
    </message>
    <message>
        <source>Now using %1, but it will not be used at the next start: %2</source>
        <translation>Używana jest teraz %1, ale nie zostanie użyta przy następnym uruchomieniu: %2</translation>
    </message>
    <message>
        <source>Billing: the US minute bundles of %1 were renewed from their balances.</source>
        <translation>Rozliczenie: odnowiono pakiety minut do USA z sald profili: %1.</translation>
    </message>
    <message>
        <source>Updated by another admin.</source>
        <translation>Zmiany wprowadził inny administrator.</translation>
    </message>
    <message>
        <source>Changes by other admins do not show for now (tried again every 30 seconds): %1</source>
        <translation>Zmiany wprowadzane przez innych administratorów chwilowo nie są widoczne (ponowna próba co 30 sekund): %1</translation>
    </message>
    <message>
        <source>Running billing…</source>
        <translation>Trwa rozliczanie…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>nieznane</translation>
    </message>
    <message>
        <source>%1. What the company can still give to members. Top up to add bought credit.</source>
        <translation>%1. Środki, które firma może jeszcze przydzielić członkom. Doładuj, aby dodać kupione środki.</translation>
    </message>
    <message>
        <source>&amp;Call records</source>
        <translation>&amp;Rekordy połączeń</translation>
    </message>
    <message numerus="yes">
        <source>%1 … and %Ln more on the Activity page.</source>
        <translation>
            <numerusform>%1 … i jeszcze %Ln na stronie Aktywność.</numerusform>
            <numerusform>%1 … i jeszcze %Ln na stronie Aktywność.</numerusform>
            <numerusform>%1 … i jeszcze %Ln na stronie Aktywność.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Billing: the US minute bundles of %Ln SIP profile(s) were renewed from their balances.</source>
        <translation>
            <numerusform>Rozliczenie: odnowiono pakiety minut do USA %Ln profilu SIP z jego salda.</numerusform>
            <numerusform>Rozliczenie: odnowiono pakiety minut do USA %Ln profili SIP z sald profili.</numerusform>
            <numerusform>Rozliczenie: odnowiono pakiety minut do USA %Ln profili SIP z sald profili.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::MembersPage</name>
    <message>
        <source>Added member %1 (%2).</source>
        <translation>Dodano członka %1 (%2).</translation>
    </message>
    <message>
        <source>Select the members to give credit to first.</source>
        <translation>Najpierw wybierz członków, którym chcesz przydzielić środki.</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all. Company balance: %3.</source>
        <translation>
            <numerusform>Przydzielono %1 %n członkowi, łącznie %2. Saldo firmy: %3.</numerusform>
            <numerusform>Przydzielono po %1 %n członkom, łącznie %2. Saldo firmy: %3.</numerusform>
            <numerusform>Przydzielono po %1 %n członkom, łącznie %2. Saldo firmy: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one member to set up auto-recharge.</source>
        <translation>Wybierz jednego członka, aby ustawić automatyczne doładowanie.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is off.</source>
        <translation>Automatyczne doładowanie dla %1 jest wyłączone.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is on.</source>
        <translation>Automatyczne doładowanie dla %1 jest włączone.</translation>
    </message>
    <message>
        <source>Auto-recharge for %1 is on. %2</source>
        <translation>Automatyczne doładowanie dla %1 jest włączone. %2</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importuj członków</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Pliki CSV (*.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Eksportuj członków</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Sprawdzanie %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importowanie %1…</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from %1: %n problem(s), the first on line %2: %3</source>
        <translation>
            <numerusform>Nic nie zaimportowano z %1: %n problem, w wierszu %2: %3</numerusform>
            <numerusform>Nic nie zaimportowano z %1: %n problemy, pierwszy w wierszu %2: %3</numerusform>
            <numerusform>Nic nie zaimportowano z %1: %n problemów, pierwszy w wierszu %2: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Eksportowanie do %1…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Członkowie</translation>
    </message>
    <message>
        <source>Search by account, name, e-mail or department (Ctrl+F)</source>
        <translation>Szukaj według konta, imienia i nazwiska, e-maila lub działu (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search members</source>
        <translation>Szukaj członków</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>&amp;Dodaj członka…</translation>
    </message>
    <message>
        <source>Add a member (%1)</source>
        <translation>Dodaj członka (%1)</translation>
    </message>
    <message>
        <source>Allocate &amp;credit…</source>
        <translation>Przydziel ś&amp;rodki…</translation>
    </message>
    <message>
        <source>Give credit from the company balance to the selected members (%1)</source>
        <translation>Przydziel środki z salda firmy wybranym członkom (%1)</translation>
    </message>
    <message>
        <source>Auto-&amp;recharge…</source>
        <translation>Automatyczne d&amp;oładowanie…</translation>
    </message>
    <message>
        <source>Set up auto-recharge for the selected member (%1)</source>
        <translation>Ustaw automatyczne doładowanie dla wybranego członka (%1)</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>&amp;Importuj członków…</translation>
    </message>
    <message>
        <source>Import members from a CSV file (%1)</source>
        <translation>Importuj członków z pliku CSV (%1)</translation>
    </message>
    <message>
        <source>&amp;Export members…</source>
        <translation>&amp;Eksportuj członków…</translation>
    </message>
    <message>
        <source>Export every member to a CSV file (%1)</source>
        <translation>Eksportuj wszystkich członków do pliku CSV (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln członek</numerusform>
            <numerusform>%Ln członków</numerusform>
            <numerusform>%Ln członków</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>Znaleziono %Ln członka</numerusform>
            <numerusform>Znaleziono %Ln członków</numerusform>
            <numerusform>Znaleziono %Ln członków</numerusform>
        </translation>
    </message>
    <message>
        <source>The members cannot be shown: %1</source>
        <translation>Nie można wyświetlić członków: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln member(s) from %1.</source>
        <translation>
            <numerusform>Zaimportowano %Ln członka z %1.</numerusform>
            <numerusform>Zaimportowano %Ln członków z %1.</numerusform>
            <numerusform>Zaimportowano %Ln członków z %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln member(s) to %1.</source>
        <translation>
            <numerusform>Wyeksportowano %Ln członka do %1.</numerusform>
            <numerusform>Wyeksportowano %Ln członków do %1.</numerusform>
            <numerusform>Wyeksportowano %Ln członków do %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the members who get a number first.</source>
        <translation>Najpierw wybierz członków, którzy mają otrzymać numer.</translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation>&amp;Kup numery…</translation>
    </message>
    <message>
        <source>Buy a phone number for each selected member</source>
        <translation>Kup numer telefonu dla każdego wybranego członka</translation>
    </message>
    <message>
        <source>Select the members whose numbers to cancel first.</source>
        <translation>Najpierw wybierz członków, których numery chcesz anulować.</translation>
    </message>
    <message>
        <source>Ca&amp;ncel numbers…</source>
        <translation>&amp;Anuluj numery…</translation>
    </message>
    <message>
        <source>Cancel the numbers of the selected members at the end of their paid period</source>
        <translation>Anuluj numery wybranych członków z końcem opłaconego okresu</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Nie ma jeszcze członków</translation>
    </message>
    <message>
        <source>Members are the people who call through the account: each has an account for the phone and credit given from the company balance. Add them one at a time, or import a CSV file from the Members menu.</source>
        <translation>Członkowie to osoby, które dzwonią w ramach konta: każdy ma konto do telefonu i środki przydzielone z salda firmy. Dodawaj ich pojedynczo albo zaimportuj plik CSV z menu Członkowie.</translation>
    </message>
</context>
<context>
    <name>sb::ui::NumbersPage</name>
    <message numerus="yes">
        <source>%Ln number(s) found</source>
        <translation>
            <numerusform>Znaleziono %Ln numer</numerusform>
            <numerusform>Znaleziono %Ln numery</numerusform>
            <numerusform>Znaleziono %Ln numerów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln number(s)</source>
        <translation>
            <numerusform>%Ln numer</numerusform>
            <numerusform>%Ln numery</numerusform>
            <numerusform>%Ln numerów</numerusform>
        </translation>
    </message>
    <message>
        <source>The numbers cannot be shown: %1</source>
        <translation>Nie można wyświetlić numerów: %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 (posiadacz: %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 i %n inny</numerusform>
            <numerusform>%1 i %n innych</numerusform>
            <numerusform>%1 i %n innych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %n number(s) in %1 for %2: %3. Company balance: %4.</source>
        <translation>
            <numerusform>Kupiono %n numer, %1, za %2: %3. Saldo firmy: %4.</numerusform>
            <numerusform>Kupiono %n numery, %1, za %2: %3. Saldo firmy: %4.</numerusform>
            <numerusform>Kupiono %n numerów, %1, za %2: %3. Saldo firmy: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the one number to reassign.</source>
        <translation>Wybierz jeden numer do ponownego przypisania.</translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3.</source>
        <translation>Ponownie przypisano %1: %2 → %3.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>The selected members hold no numbers.</source>
        <translation>Wybrani członkowie nie mają żadnych numerów.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is already cancelled.</source>
        <translation>Numer %1 jest już anulowany.</translation>
    </message>
    <message>
        <source>Select the numbers to cancel first.</source>
        <translation>Najpierw wybierz numery do anulowania.</translation>
    </message>
    <message>
        <source>• %1 (%2): usable until %3, then released</source>
        <translation>• %1 (%2): działa do %3, potem zostanie zwolniony</translation>
    </message>
    <message>
        <source>Each number stays usable until the end of its paid period, then returns to the pool. There is no extra charge and no refund.</source>
        <translation>Każdy numer działa do końca opłaconego okresu, a potem wraca do puli firmy. Nie ma dodatkowych opłat ani zwrotu środków.</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Nie anulowano: %1</translation>
    </message>
    <message>
        <source>Cancel numbers</source>
        <translation>Anuluj numery</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n number(s)?</source>
        <translation>
            <numerusform>Anulować %n numer?</numerusform>
            <numerusform>Anulować %n numery?</numerusform>
            <numerusform>Anulować %n numerów?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n number(s)</source>
        <translation>
            <numerusform>Anuluj %n numer</numerusform>
            <numerusform>Anuluj %n numery</numerusform>
            <numerusform>Anuluj %n numerów</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Zachowaj je</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (do %2)</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n number(s): %1. No refund; each is released when its period ends.</source>
        <translation>
            <numerusform>Anulowano %n numer: %1. Bez zwrotu środków; numer zostanie zwolniony z końcem okresu.</numerusform>
            <numerusform>Anulowano %n numery: %1. Bez zwrotu środków; każdy zostanie zwolniony z końcem swojego okresu.</numerusform>
            <numerusform>Anulowano %n numerów: %1. Bez zwrotu środków; każdy zostanie zwolniony z końcem swojego okresu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) could not be cancelled: %1</source>
        <translation>
            <numerusform>Nie można było anulować %n numeru: %1</numerusform>
            <numerusform>Nie można było anulować %n numerów: %1</numerusform>
            <numerusform>Nie można było anulować %n numerów: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n number(s); see the problems above the table.</source>
        <translation>
            <numerusform>Anulowano %n numer; problemy opisano nad tabelą.</numerusform>
            <numerusform>Anulowano %n numery; problemy opisano nad tabelą.</numerusform>
            <numerusform>Anulowano %n numerów; problemy opisano nad tabelą.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numery</translation>
    </message>
    <message>
        <source>Search by number, account, name or SIP profile (Ctrl+F)</source>
        <translation>Szukaj według numeru, konta, nazwy lub profilu SIP (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search numbers</source>
        <translation>Szukaj numerów</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Kraj:</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Wszystkie kraje</translation>
    </message>
    <message>
        <source>Filter by country</source>
        <translation>Filtruj według kraju</translation>
    </message>
    <message>
        <source>Held &amp;by:</source>
        <translation>P&amp;osiadacz:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Dowolny</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Członkowie</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>Profile SIP</translation>
    </message>
    <message>
        <source>Filter by holder</source>
        <translation>Filtruj według posiadacza</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tan:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Dowolny stan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywny</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulowany</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Zwolniony</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtruj według stanu</translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation>&amp;Kup numery…</translation>
    </message>
    <message>
        <source>Buy numbers for members or SIP profiles (%1)</source>
        <translation>Kup numery dla członków lub profili SIP (%1)</translation>
    </message>
    <message>
        <source>&amp;Reassign number…</source>
        <translation>&amp;Przypisz numer ponownie…</translation>
    </message>
    <message>
        <source>Give the selected number to another member or SIP profile (%1)</source>
        <translation>Przypisz wybrany numer innemu członkowi lub profilowi SIP (%1)</translation>
    </message>
    <message>
        <source>&amp;Cancel numbers…</source>
        <translation>&amp;Anuluj numery…</translation>
    </message>
    <message>
        <source>Cancel the selected numbers at the end of their paid period (%1)</source>
        <translation>Anuluj wybrane numery z końcem opłaconego okresu (%1)</translation>
    </message>
    <message>
        <source>No numbers yet</source>
        <translation>Nie ma jeszcze numerów</translation>
    </message>
    <message>
        <source>Phone numbers are bought for members and SIP profiles, in the country and area you choose, and renew from the company balance until they are cancelled.</source>
        <translation>Numery telefonów kupuje się dla członków i profili SIP w wybranym kraju, z wybranym numerem kierunkowym; są odnawiane z salda firmy, dopóki nie zostaną anulowane.</translation>
    </message>
</context>
<context>
    <name>sb::ui::PbxConfigView</name>
    <message>
        <source>Asterisk PJSIP configuration (pjsip.conf):</source>
        <translation>Konfiguracja Asterisk PJSIP (pjsip.conf):</translation>
    </message>
    <message>
        <source>Asterisk PJSIP configuration</source>
        <translation>Konfiguracja Asterisk PJSIP</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Skopiowano</translation>
    </message>
    <message>
        <source>Co&amp;py configuration</source>
        <translation>&amp;Kopiuj konfigurację</translation>
    </message>
    <message>
        <source>Copy the configuration</source>
        <translation>Kopiuj konfigurację</translation>
    </message>
    <message>
        <source>Copy the whole block, with the password, to paste into the PBX</source>
        <translation>Skopiuj cały blok razem z hasłem, aby wkleić go do centrali PBX</translation>
    </message>
</context>
<context>
    <name>sb::ui::ReassignNumberDialog</name>
    <message>
        <source>Reassign number</source>
        <translation>Przypisz numer ponownie</translation>
    </message>
    <message>
        <source>%1 (E.164: %2)</source>
        <translation>%1 (E.164: %2)</translation>
    </message>
    <message>
        <source>%1, %2. Now held by: %3. Paid until %4.</source>
        <translation>%1, %2. Obecny posiadacz: %3. Opłacony do %4.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>New holder is a:</source>
        <translation>Nowy posiadacz to:</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Członek</translation>
    </message>
    <message>
        <source>SIP profile</source>
        <translation>Profil SIP</translation>
    </message>
    <message>
        <source>New holder is a member or a SIP profile</source>
        <translation>Nowy posiadacz to członek lub profil SIP</translation>
    </message>
    <message>
        <source>&amp;SIP profile:</source>
        <translation>Profil &amp;SIP:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>Nazwa &amp;konta:</translation>
    </message>
    <message>
        <source>Start typing a name; the list says member or SIP profile</source>
        <translation>Zacznij wpisywać nazwę; lista pokazuje, czy to członek, czy profil SIP</translation>
    </message>
    <message>
        <source>New holder</source>
        <translation>Nowy posiadacz</translation>
    </message>
    <message>
        <source>Numbers in %1 are held under terms (for example a local address in %1). The terms accepted when this number was bought still apply: make sure the new holder meets them, or the number may be lost.</source>
        <translation>Numery z tego kraju (%1) podlegają warunkom, na przykład wymogowi adresu lokalnego (%1). Warunki zaakceptowane przy zakupie tego numeru nadal obowiązują: upewnij się, że nowy posiadacz je spełnia, w przeciwnym razie numer może zostać utracony.</translation>
    </message>
    <message>
        <source>The terms under which this number was bought still apply to its new holder.</source>
        <translation>Warunki, na jakich kupiono ten numer, nadal obowiązują jego nowego posiadacza.</translation>
    </message>
    <message>
        <source>Terms reminder</source>
        <translation>Przypomnienie o warunkach</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Przypisz ponownie</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Przypisz ponownie</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>sb::ui::RenameSipProfileDialog</name>
    <message>
        <source>Rename SIP profile</source>
        <translation>Zmień nazwę profilu SIP</translation>
    </message>
    <message>
        <source>A new name for the SIP profile %1. Its SIP username, credentials and PBX configuration stay the same.</source>
        <translation>Nowa nazwa profilu SIP %1. Nazwa użytkownika SIP, poświadczenia i konfiguracja centrali PBX pozostają bez zmian.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nowa nazwa</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>sb::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <source>The language of the window; money and dates follow it.</source>
        <translation>Język okna; kwoty i daty się do niego dostosowują.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Baza danych</translation>
    </message>
    <message>
        <source>An SQLite file for one admin, or postgresql://user:password@host:port/database for an office where several admins work at once.</source>
        <translation>Plik SQLite dla jednego administratora albo postgresql://użytkownik:hasło@host:port/baza dla biura, w którym pracuje jednocześnie kilku administratorów.</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Baza danych:</translation>
    </message>
    <message>
        <source>file path or postgresql://…</source>
        <translation>ścieżka pliku lub postgresql://…</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Przełącz</translation>
    </message>
    <message>
        <source>Switch to this database</source>
        <translation>Przełącz na tę bazę danych</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>W użyciu: %1</translation>
    </message>
    <message>
        <source>Database message</source>
        <translation>Komunikat o bazie danych</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Dostawca</translation>
    </message>
    <message>
        <source>SIP servers</source>
        <translation>Serwery SIP</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>np. %1</translation>
    </message>
    <message>
        <source>Saved. Every SIP profile&apos;s PBX data now names these servers.</source>
        <translation>Zapisano. Dane centrali PBX każdego profilu SIP zawierają teraz te serwery.</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers are now %1.</source>
        <translation>Serwery SIP dostawcy to teraz: %1.</translation>
    </message>
    <message>
        <source>Name at least one SIP server, such as %1.</source>
        <translation>Podaj co najmniej jeden serwer SIP, np. %1.</translation>
    </message>
    <message>
        <source>S&amp;IP servers:</source>
        <translation>Serwery S&amp;IP:</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>Save the SIP servers</source>
        <translation>Zapisz serwery SIP</translation>
    </message>
    <message>
        <source>SIP servers message</source>
        <translation>Komunikat o serwerach SIP</translation>
    </message>
    <message>
        <source>A trunk check now waits at most %1 ms for each server.</source>
        <translation>Sprawdzanie łącza czeka teraz najwyżej %1 ms na każdy serwer.</translation>
    </message>
    <message>
        <source>The provider&apos;s SIP servers (host:port, separated by commas) go into every SIP profile&apos;s PBX data and configuration; they are kept in the database, so every admin and switchboardctl see the same.</source>
        <translation>Serwery SIP dostawcy (host:port, rozdzielone przecinkami) trafiają do danych i konfiguracji centrali PBX każdego profilu SIP; są zapisane w bazie danych, więc wszyscy administratorzy i switchboardctl widzą te same serwery.</translation>
    </message>
    <message>
        <source>Trunk check</source>
        <translation>Sprawdzanie łącza</translation>
    </message>
    <message>
        <source>&quot;Check the trunk&quot; in a SIP profile&apos;s details sends SIP OPTIONS to its PBX and the provider&apos;s servers, sending again after 0.5, 1, 2 and 4 s. A server silent this long counts as not answering; switchboardctl profile probe uses the same limit.</source>
        <translation>Przycisk „Sprawdź łącze” w szczegółach profilu SIP wysyła SIP OPTIONS do jego centrali PBX i serwerów dostawcy, ponawiając wysłanie po 0,5, 1, 2 i 4 s. Serwer, który nie odpowie w tym czasie, uznaje się za nieodpowiadający; polecenie switchboardctl profile probe używa tego samego limitu.</translation>
    </message>
    <message>
        <source>Wait at m&amp;ost:</source>
        <translation>Cz&amp;ekaj maksymalnie:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Trunk check time limit in milliseconds</source>
        <translation>Limit czasu sprawdzania łącza w milisekundach</translation>
    </message>
</context>
<context>
    <name>sb::ui::SipProfileDetails</name>
    <message>
        <source>Copied the PBX configuration of %1 to the clipboard.</source>
        <translation>Skopiowano konfigurację centrali PBX profilu %1 do schowka.</translation>
    </message>
    <message>
        <source>The password cannot be read: %1</source>
        <translation>Nie można odczytać hasła: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Dział: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Utworzono %1</translation>
    </message>
    <message>
        <source>Registration: the PBX registers with this username and password.</source>
        <translation>Rejestracja: centrala PBX rejestruje się przy użyciu tej nazwy użytkownika i hasła.</translation>
    </message>
    <message>
        <source>Password hidden</source>
        <translation>Hasło ukryte</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Hasło: %1</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Po&amp;każ</translation>
    </message>
    <message>
        <source>Hi&amp;de</source>
        <translation>&amp;Ukryj</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Pokaż hasło</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>Ukryj hasło</translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from this address without registration.</source>
        <translation>Uwierzytelnianie IP: dostawca przyjmuje połączenia z tego adresu bez rejestracji.</translation>
    </message>
    <message>
        <source>%1, UDP port %2</source>
        <translation>%1, port UDP %2</translation>
    </message>
    <message>
        <source>SIP username: %1</source>
        <translation>Nazwa użytkownika SIP: %1</translation>
    </message>
    <message>
        <source>%1 (defaults shown: %2)</source>
        <translation>%1 (wyświetlono wartości domyślne: %2)</translation>
    </message>
    <message>
        <source>Point the PBX at these servers with the username and password, or paste this ready configuration:</source>
        <translation>Skieruj centralę PBX na te serwery, podając nazwę użytkownika i hasło, albo wklej tę gotową konfigurację:</translation>
    </message>
    <message>
        <source>The PBX sends its calls from %1 to these servers, or paste this ready configuration:</source>
        <translation>Centrala PBX wysyła połączenia z adresu %1 do tych serwerów; możesz też wkleić tę gotową konfigurację:</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s): %1 a month</source>
        <translation>
            <numerusform>%n kanał: %1 miesięcznie</numerusform>
            <numerusform>%n kanały: %1 miesięcznie</numerusform>
            <numerusform>%n kanałów: %1 miesięcznie</numerusform>
        </translation>
    </message>
    <message>
        <source>Was paid until %1.</source>
        <translation>Kanały były opłacone do %1.</translation>
    </message>
    <message>
        <source>The company balance could not pay the channels&apos; renewal: outgoing calls through this profile stop until the channels are paid. Change the channels to pay now.</source>
        <translation>Saldo firmy nie wystarczyło na odnowienie kanałów: połączenia wychodzące przez ten profil są wstrzymane do czasu opłacenia kanałów. Zmień kanały, aby zapłacić teraz.</translation>
    </message>
    <message>
        <source>Paid until %1, then renewed monthly from the company balance.</source>
        <translation>Opłacone do %1, potem odnawiane co miesiąc z salda firmy.</translation>
    </message>
    <message>
        <source>Profile balance: %1</source>
        <translation>Saldo profilu: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>Linked accounts (%1)</source>
        <translation>Skojarzone konta (%1)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation>%1 (format krajowy: %2)</translation>
    </message>
    <message>
        <source>Numbers (%1)</source>
        <translation>Numery (%1)</translation>
    </message>
    <message>
        <source>No number routes to this profile directly. Numbers of linked accounts route here too.</source>
        <translation>Żaden numer nie jest kierowany bezpośrednio do tego profilu. Numery skojarzonych kont też są tu kierowane.</translation>
    </message>
    <message>
        <source>Calls to these numbers, and to the numbers of linked accounts, go to this profile&apos;s PBX.</source>
        <translation>Połączenia na te numery oraz na numery skojarzonych kont trafiają do centrali PBX tego profilu.</translation>
    </message>
    <message>
        <source>SIP profile details</source>
        <translation>Szczegóły profilu SIP</translation>
    </message>
    <message>
        <source>No SIP profile is selected. Create one to connect the office PBX: it gets its own credit, channels, numbers and linked accounts.</source>
        <translation>Nie wybrano profilu SIP. Utwórz go, aby podłączyć centralę PBX biura: otrzyma własne środki, kanały, numery i skojarzone konta.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Uwierzytelnianie</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nazwa użytkownika:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Hasło:</translation>
    </message>
    <message>
        <source>Allowed IP:</source>
        <translation>Dozwolony adres IP:</translation>
    </message>
    <message>
        <source>Address warning</source>
        <translation>Ostrzeżenie o adresie</translation>
    </message>
    <message>
        <source>PBX data</source>
        <translation>Dane centrali PBX</translation>
    </message>
    <message>
        <source>Provider SIP servers:</source>
        <translation>Serwery SIP dostawcy:</translation>
    </message>
    <message>
        <source>Outgoing calls</source>
        <translation>Połączenia wychodzące</translation>
    </message>
    <message>
        <source>Channels not paid</source>
        <translation>Kanały nieopłacone</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Calls through this profile are paid from its own credit. Credit allocated to it cannot be taken back; it returns to the company balance only when the profile is deleted.</source>
        <translation>Połączenia przez ten profil są opłacane z jego własnych środków. Przydzielonych mu środków nie można odebrać; wracają do salda firmy dopiero po usunięciu profilu.</translation>
    </message>
    <message>
        <source>Calls to a linked account and to its numbers go to this profile&apos;s PBX (to the extension, if set). A linked account cannot be used to sign in.</source>
        <translation>Połączenia do skojarzonego konta i na jego numery trafiają do centrali PBX tego profilu (na numer wewnętrzny, jeśli go ustawiono). Skojarzonego konta nie można użyć do logowania.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Numer wewnętrzny</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Skojarzone konta</translation>
    </message>
    <message>
        <source>Numbers of the profile</source>
        <translation>Numery profilu</translation>
    </message>
    <message>
        <source>US minute bundles</source>
        <translation>Pakiety minut do USA</translation>
    </message>
    <message>
        <source>%1 a month: channels %2 and US minute bundles %3</source>
        <translation>%1 miesięcznie: kanały %2 i pakiety minut do USA %3</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 miesięcznie</translation>
    </message>
    <message>
        <source>Outgoing calls: %1</source>
        <translation>Połączenia wychodzące: %1</translation>
    </message>
    <message>
        <source>No US minute bundles.</source>
        <translation>Brak pakietów minut do USA.</translation>
    </message>
    <message>
        <source>US calls are charged at the standard rates.</source>
        <translation>Połączenia do USA są rozliczane według standardowych stawek.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) at %1 each: %2 a month</source>
        <translation>
            <numerusform>%n pakiet za %1: %2 miesięcznie</numerusform>
            <numerusform>%n pakiety po %1: %2 miesięcznie</numerusform>
            <numerusform>%n pakietów po %1: %2 miesięcznie</numerusform>
        </translation>
    </message>
    <message>
        <source>Minutes used: %1 of %2 this period (until %3)</source>
        <translation>Wykorzystane minuty: %1 z %2 w tym okresie (do %3)</translation>
    </message>
    <message>
        <source>Cancelled: usable until %1, then they expire.</source>
        <translation>Anulowane: działają do %1, potem wygasną.</translation>
    </message>
    <message>
        <source>Next payment: %1, from this profile&apos;s balance.</source>
        <translation>Następna płatność: %1, z salda tego profilu.</translation>
    </message>
    <message>
        <source>Each bundle gives 5000 minutes a month of calls to US mobiles and landlines, paid from this profile&apos;s credit; at most one per channel. Unused minutes expire at the renewal; US calls beyond them are charged at the standard rates.</source>
        <translation>Każdy pakiet daje 5000 minut miesięcznie na połączenia z telefonami komórkowymi i stacjonarnymi w USA, opłacane ze środków tego profilu; najwyżej jeden pakiet na kanał. Niewykorzystane minuty wygasają przy odnowieniu; połączenia do USA ponad te minuty są rozliczane według standardowych stawek.</translation>
    </message>
    <message>
        <source>Country: %1</source>
        <translation>Kraj: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The credentials went to %1.</source>
        <translation>Poświadczenia wysłano na adres %1.</translation>
    </message>
    <message>
        <source>Sent the credentials of %1 to %2.</source>
        <translation>Wysłano poświadczenia profilu %1 na adres %2.</translation>
    </message>
    <message>
        <source>The credentials were not sent: %1</source>
        <translation>Nie wysłano poświadczeń: %1</translation>
    </message>
    <message>
        <source>Sending the credentials to %1…</source>
        <translation>Wysyłanie poświadczeń na adres %1…</translation>
    </message>
    <message>
        <source>This profile has no e-mail address to send its credentials to.</source>
        <translation>Ten profil nie ma adresu e-mail, na który można wysłać poświadczenia.</translation>
    </message>
    <message>
        <source>Mails the username, password, SIP servers and PBX configuration to %1.</source>
        <translation>Wysyła e-mailem nazwę użytkownika, hasło, serwery SIP i konfigurację centrali PBX na adres %1.</translation>
    </message>
    <message>
        <source>PBX %1</source>
        <translation>Centrala PBX %1</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Dostawca %1</translation>
    </message>
    <message>
        <source>The last check cannot be read: %1</source>
        <translation>Nie można odczytać wyniku ostatniego sprawdzenia: %1</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Jeszcze nie sprawdzono.</translation>
    </message>
    <message>
        <source>Checked %1:
%2</source>
        <translation>Sprawdzono %1:
%2</translation>
    </message>
    <message>
        <source>Checking the trunk of %1…</source>
        <translation>Sprawdzanie łącza profilu %1…</translation>
    </message>
    <message>
        <source>The trunk could not be checked: %1</source>
        <translation>Nie udało się sprawdzić łącza: %1</translation>
    </message>
    <message>
        <source>Checked the trunk of %1: %2 of %3 servers answered OK.</source>
        <translation>Sprawdzono łącze profilu %1; serwery z odpowiedzią OK: %2 z %3.</translation>
    </message>
    <message>
        <source>Send the credentials &amp;again</source>
        <translation>Wyślij p&amp;oświadczenia ponownie</translation>
    </message>
    <message>
        <source>Send the credentials again</source>
        <translation>Wyślij poświadczenia ponownie</translation>
    </message>
    <message>
        <source>Check the &amp;trunk</source>
        <translation>Sp&amp;rawdź łącze</translation>
    </message>
    <message>
        <source>Check the trunk</source>
        <translation>Sprawdź łącze</translation>
    </message>
    <message>
        <source>Sends SIP OPTIONS to the PBX (IP authentication) and to the provider&apos;s servers, and shows who answers and how fast.</source>
        <translation>Wysyła SIP OPTIONS do centrali PBX (uwierzytelnianie IP) i do serwerów dostawcy oraz pokazuje, kto odpowiada i jak szybko.</translation>
    </message>
    <message>
        <source>Provider SIP servers</source>
        <translation>Serwery SIP dostawcy</translation>
    </message>
</context>
<context>
    <name>sb::ui::SipProfilesPage</name>
    <message numerus="yes">
        <source>%n SIP profile(s)</source>
        <translation>
            <numerusform>%n profil SIP</numerusform>
            <numerusform>%n profile SIP</numerusform>
            <numerusform>%n profili SIP</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SIP profile(s) found</source>
        <translation>
            <numerusform>Znaleziono %n profil SIP</numerusform>
            <numerusform>Znaleziono %n profile SIP</numerusform>
            <numerusform>Znaleziono %n profili SIP</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profiles cannot be shown: %1</source>
        <translation>Nie można wyświetlić profili SIP: %1</translation>
    </message>
    <message numerus="yes">
        <source>Created the SIP profile %1 with %n channel(s), paid %2 until %3. Company balance: %4.</source>
        <translation>
            <numerusform>Utworzono profil SIP %1 z %n kanałem, zapłacono %2 za okres do %3. Saldo firmy: %4.</numerusform>
            <numerusform>Utworzono profil SIP %1 z %n kanałami, zapłacono %2 za okres do %3. Saldo firmy: %4.</numerusform>
            <numerusform>Utworzono profil SIP %1 z %n kanałami, zapłacono %2 za okres do %3. Saldo firmy: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed the SIP profile %1 to %2.</source>
        <translation>Zmieniono nazwę profilu SIP %1 na %2.</translation>
    </message>
    <message>
        <source>Export call history</source>
        <translation>Eksportuj historię połączeń</translation>
    </message>
    <message>
        <source>%1-calls.csv</source>
        <translation>%1-polaczenia.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Pliki CSV (*.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Allocated %1 to the SIP profile %2; its balance is now %3. Company balance: %4.</source>
        <translation>Przydzielono %1 do profilu SIP %2; jego saldo wynosi teraz %3. Saldo firmy: %4.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n channel(s): paid %2 now, renewed on %3.</source>
        <translation>
            <numerusform>Profil %1 ma teraz %n kanał: zapłacono teraz %2, odnowienie %3.</numerusform>
            <numerusform>Profil %1 ma teraz %n kanały: zapłacono teraz %2, odnowienie %3.</numerusform>
            <numerusform>Profil %1 ma teraz %n kanałów: zapłacono teraz %2, odnowienie %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked %1 to the SIP profile %2; it cannot sign in while linked.</source>
        <translation>Skojarzono konto %1 z profilem SIP %2; dopóki jest skojarzone, nie można go używać do logowania.</translation>
    </message>
    <message>
        <source>Linked %1 to the SIP profile %2 at extension %3; it cannot sign in while linked.</source>
        <translation>Skojarzono konto %1 z profilem SIP %2 (numer wewnętrzny %3); dopóki jest skojarzone, nie można go używać do logowania.</translation>
    </message>
    <message>
        <source>Unlink account</source>
        <translation>Usuń skojarzenie konta</translation>
    </message>
    <message>
        <source>Unlink %1 from the SIP profile %2?</source>
        <translation>Usunąć skojarzenie konta %1 z profilem SIP %2?</translation>
    </message>
    <message>
        <source>Calls to the account and to its numbers no longer go to the PBX of %1, and the account can sign in again.</source>
        <translation>Połączenia do konta i na jego numery nie będą już trafiać do centrali PBX profilu %1, a konta będzie można znów używać do logowania.</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>&amp;Usuń skojarzenie</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Usuń skojarzenie</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Unlinked %1 from the SIP profile %2; it can sign in again.</source>
        <translation>Usunięto skojarzenie konta %1 z profilem SIP %2; znów można go używać do logowania.</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>Profile SIP</translation>
    </message>
    <message>
        <source>Search by name or department (Ctrl+F)</source>
        <translation>Szukaj według nazwy lub działu (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search SIP profiles</source>
        <translation>Szukaj profili SIP</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Create SIP profile…</source>
        <translation>&amp;Utwórz profil SIP…</translation>
    </message>
    <message>
        <source>Create a SIP profile for a PBX</source>
        <translation>Utwórz profil SIP dla centrali PBX</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Zmień &amp;nazwę…</translation>
    </message>
    <message>
        <source>Rename the selected SIP profile</source>
        <translation>Zmień nazwę wybranego profilu SIP</translation>
    </message>
    <message>
        <source>&amp;Delete SIP profile…</source>
        <translation>U&amp;suń profil SIP…</translation>
    </message>
    <message>
        <source>Delete the selected SIP profile, after showing what happens</source>
        <translation>Usuń wybrany profil SIP po pokazaniu skutków</translation>
    </message>
    <message>
        <source>Allocate c&amp;redit…</source>
        <translation>Przydziel ś&amp;rodki…</translation>
    </message>
    <message>
        <source>Give credit from the company balance to the SIP profile</source>
        <translation>Przydziel środki z salda firmy profilowi SIP</translation>
    </message>
    <message>
        <source>C&amp;hange channels…</source>
        <translation>Zmień &amp;kanały…</translation>
    </message>
    <message>
        <source>Change how many calls the SIP profile can make at once</source>
        <translation>Zmień liczbę połączeń, które profil SIP może prowadzić jednocześnie</translation>
    </message>
    <message>
        <source>&amp;Link account…</source>
        <translation>Sk&amp;ojarz konto…</translation>
    </message>
    <message>
        <source>Send a member account&apos;s incoming calls to the SIP profile</source>
        <translation>Kieruj połączenia przychodzące na konto członka do profilu SIP</translation>
    </message>
    <message>
        <source>&amp;Unlink account…</source>
        <translation>Usuń sko&amp;jarzenie konta…</translation>
    </message>
    <message>
        <source>Unlink the account selected in the details</source>
        <translation>Usuń skojarzenie konta wybranego w szczegółach</translation>
    </message>
    <message>
        <source>&amp;Buy a number…</source>
        <translation>Kup nu&amp;mer…</translation>
    </message>
    <message>
        <source>Buy a number that routes to the SIP profile</source>
        <translation>Kup numer kierowany do profilu SIP</translation>
    </message>
    <message>
        <source>&amp;Add bundles…</source>
        <translation>&amp;Dodaj pakiety…</translation>
    </message>
    <message>
        <source>Chan&amp;ge bundles…</source>
        <translation>Zmień &amp;pakiety…</translation>
    </message>
    <message>
        <source>Cancel bundle&amp;s…</source>
        <translation>&amp;Anuluj pakiety…</translation>
    </message>
    <message>
        <source>&amp;Extend bundles…</source>
        <translation>Prz&amp;edłuż pakiety…</translation>
    </message>
    <message>
        <source>Select a SIP profile first.</source>
        <translation>Najpierw wybierz profil SIP.</translation>
    </message>
    <message>
        <source>Buy US minute bundles for the SIP profile</source>
        <translation>Kup pakiety minut do USA dla profilu SIP</translation>
    </message>
    <message>
        <source>The profile already has bundles: change them instead.</source>
        <translation>Profil ma już pakiety: zamiast dodawać, zmień je.</translation>
    </message>
    <message>
        <source>Change the number of bundles; the unused minutes are refunded</source>
        <translation>Zmień liczbę pakietów; za niewykorzystane minuty nastąpi zwrot środków</translation>
    </message>
    <message>
        <source>The profile has no bundles: add them first.</source>
        <translation>Profil nie ma pakietów: najpierw je dodaj.</translation>
    </message>
    <message>
        <source>Cancel the bundles: usable until the end of the period, not renewed</source>
        <translation>Anuluj pakiety: działają do końca okresu, bez odnowienia</translation>
    </message>
    <message>
        <source>Already cancelled: usable until %1.</source>
        <translation>Już anulowane: działają do %1.</translation>
    </message>
    <message>
        <source>The profile has no bundles.</source>
        <translation>Profil nie ma pakietów.</translation>
    </message>
    <message>
        <source>Pay the next month of the bundles now</source>
        <translation>Zapłać teraz za następny miesiąc pakietów</translation>
    </message>
    <message>
        <source>Bundles can be extended only within %1 days of the end of their paid time (%2), from %3.</source>
        <translation>Pakiety można przedłużyć dopiero w ciągu %1 dni przed końcem opłaconego okresu (%2), czyli od %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n US minute bundle(s): %2 refunded for unused minutes, %3 paid until %4.</source>
        <translation>
            <numerusform>Profil %1 ma teraz %n pakiet minut do USA: zwrócono %2 za niewykorzystane minuty, zapłacono %3 za okres do %4.</numerusform>
            <numerusform>Profil %1 ma teraz %n pakiety minut do USA: zwrócono %2 za niewykorzystane minuty, zapłacono %3 za okres do %4.</numerusform>
            <numerusform>Profil %1 ma teraz %n pakietów minut do USA: zwrócono %2 za niewykorzystane minuty, zapłacono %3 za okres do %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 now has %n US minute bundle(s): %2 paid until %3.</source>
        <translation>
            <numerusform>Profil %1 ma teraz %n pakiet minut do USA: zapłacono %2 za okres do %3.</numerusform>
            <numerusform>Profil %1 ma teraz %n pakiety minut do USA: zapłacono %2 za okres do %3.</numerusform>
            <numerusform>Profil %1 ma teraz %n pakietów minut do USA: zapłacono %2 za okres do %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Zachowaj je</translation>
    </message>
    <message>
        <source>Cancel US minute bundles</source>
        <translation>Anuluj pakiety minut do USA</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %n US minute bundle(s) of %1?</source>
        <translation>
            <numerusform>Anulować %n pakiet minut do USA profilu %1?</numerusform>
            <numerusform>Anulować %n pakiety minut do USA profilu %1?</numerusform>
            <numerusform>Anulować %n pakietów minut do USA profilu %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay usable until %1 and are not renewed; nothing is refunded.</source>
        <translation>Pakiety działają do %1 i nie zostaną odnowione; nie ma zwrotu środków.</translation>
    </message>
    <message>
        <source>&amp;Cancel bundles</source>
        <translation>&amp;Anuluj pakiety</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are cancelled: usable until %2.</source>
        <translation>Anulowano pakiety minut do USA profilu %1: działają do %2.</translation>
    </message>
    <message>
        <source>Extend US minute bundles</source>
        <translation>Przedłuż pakiety minut do USA</translation>
    </message>
    <message numerus="yes">
        <source>Extend the %n US minute bundle(s) of %1 by a month?</source>
        <translation>
            <numerusform>Przedłużyć %n pakiet minut do USA profilu %1 o miesiąc?</numerusform>
            <numerusform>Przedłużyć %n pakiety minut do USA profilu %1 o miesiąc?</numerusform>
            <numerusform>Przedłużyć %n pakietów minut do USA profilu %1 o miesiąc?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is paid now from the profile&apos;s balance; they then run until %2.</source>
        <translation>Kwota %1 zostanie teraz pobrana z salda profilu; pakiety będą potem działać do %2.</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Przedłuż</translation>
    </message>
    <message>
        <source>The US minute bundles of %1 are extended: %2 paid; next payment %3.</source>
        <translation>Przedłużono pakiety minut do USA profilu %1: zapłacono %2; następna płatność %3.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number(s) back in the pool, %4 unlinked, %5 deleted.</source>
        <translation>
            <numerusform>Usunięto profil SIP %1: zwrócono %2 do salda firmy (teraz %3), %n numer wrócił do puli, usunięto skojarzenie %4, usunięto też %5.</numerusform>
            <numerusform>Usunięto profil SIP %1: zwrócono %2 do salda firmy (teraz %3), %n numery wróciły do puli, usunięto skojarzenie %4, usunięto też %5.</numerusform>
            <numerusform>Usunięto profil SIP %1: zwrócono %2 do salda firmy (teraz %3), %n numerów wróciło do puli, usunięto skojarzenie %4, usunięto też %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n konta</numerusform>
            <numerusform>%n kont</numerusform>
            <numerusform>%n kont</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln połączenie</numerusform>
            <numerusform>%Ln połączenia</numerusform>
            <numerusform>%Ln połączeń</numerusform>
        </translation>
    </message>
    <message>
        <source>No SIP profiles yet</source>
        <translation>Nie ma jeszcze profili SIP</translation>
    </message>
    <message>
        <source>A SIP profile is one SIP trunk to the office PBX, with its own credit and channels. Create one to connect the PBX.</source>
        <translation>Profil SIP to jedno łącze SIP do centrali PBX w biurze, z własnymi środkami i kanałami. Utwórz profil, aby podłączyć centralę PBX.</translation>
    </message>
</context>
<context>
    <name>sb::ui::StatementDialog</name>
    <message>
        <source>Save the statement as PDF</source>
        <translation>Zapisz zestawienie jako PDF</translation>
    </message>
    <message>
        <source>statement-%1.pdf</source>
        <translation>zestawienie-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pliki PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the statement as CSV</source>
        <translation>Zapisz zestawienie jako CSV</translation>
    </message>
    <message>
        <source>statement-%1.csv</source>
        <translation>zestawienie-%1.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Pliki CSV (*.csv);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Zapisywanie %1…</translation>
    </message>
    <message>
        <source>Statement saved to %1.</source>
        <translation>Zestawienie zapisano w %1.</translation>
    </message>
    <message>
        <source>Print the statement</source>
        <translation>Drukuj zestawienie</translation>
    </message>
    <message>
        <source>“%1” sent to the printer.</source>
        <translation>„%1” wysłano do drukarki.</translation>
    </message>
    <message>
        <source>Monthly statement</source>
        <translation>Zestawienie miesięczne</translation>
    </message>
    <message>
        <source>&amp;Month (UTC):</source>
        <translation>&amp;Miesiąc (UTC):</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Zapisz &amp;PDF…</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>Zapisz &amp;CSV…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Drukuj…</translation>
    </message>
    <message numerus="yes">
        <source>Company balance: %1 at the start of the month, %2 at its end.
Topped up %3; allocated %4 (auto-recharges included); returned %5.
Spent %6: numbers %7, channels %8, bundles %9, calls %10.
%Ln SIP profile(s) and %11 in the statement.</source>
        <translation>
            <numerusform>Saldo firmy: %1 na początku miesiąca, %2 na jego końcu.
Doładowano %3; przydzielono %4 (wraz z automatycznymi doładowaniami); zwrócono %5.
Wydano %6: numery %7, kanały %8, pakiety %9, połączenia %10.
W zestawieniu: %Ln profil SIP i %11.</numerusform>
            <numerusform>Saldo firmy: %1 na początku miesiąca, %2 na jego końcu.
Doładowano %3; przydzielono %4 (wraz z automatycznymi doładowaniami); zwrócono %5.
Wydano %6: numery %7, kanały %8, pakiety %9, połączenia %10.
W zestawieniu: %Ln profile SIP i %11.</numerusform>
            <numerusform>Saldo firmy: %1 na początku miesiąca, %2 na jego końcu.
Doładowano %3; przydzielono %4 (wraz z automatycznymi doładowaniami); zwrócono %5.
Wydano %6: numery %7, kanały %8, pakiety %9, połączenia %10.
W zestawieniu: %Ln profili SIP i %11.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln członek</numerusform>
            <numerusform>%Ln członków</numerusform>
            <numerusform>%Ln członków</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ui::TablePage</name>
    <message>
        <source>Columns</source>
        <translation>Kolumny</translation>
    </message>
</context>
<context>
    <name>sb::ui::TopUpDialog</name>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>„%1” nie jest kwotą. Wpisz ją tak: %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1. After the top-up: %2.</source>
        <translation>Saldo firmy teraz: %1. Po doładowaniu: %2.</translation>
    </message>
    <message>
        <source>Company balance now: %1.</source>
        <translation>Saldo firmy teraz: %1.</translation>
    </message>
    <message>
        <source>Top up the company balance</source>
        <translation>Doładuj saldo firmy</translation>
    </message>
    <message>
        <source>Record credit the company has bought. It is added to the company balance, from which members are given credit.</source>
        <translation>Zarejestruj środki kupione przez firmę. Zostaną dodane do salda firmy, z którego członkowie otrzymują środki.</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Kwota (%1):</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Numer referencyjny:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Numer referencyjny</translation>
    </message>
    <message>
        <source>e.g. the invoice or order number</source>
        <translation>np. numer faktury lub zamówienia</translation>
    </message>
    <message>
        <source>Company balance</source>
        <translation>Saldo firmy</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Doładuj</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>sb::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to Switchboard</source>
        <translation>Witamy w programie Switchboard</translation>
    </message>
    <message numerus="yes">
        <source>Switchboard keeps your company&apos;s calling account: the company balance, the members and the credit you give them.

This account is still empty. You can look around in a demo account with %n made-up member(s) first, or start with your own members right away.</source>
        <translation>
            <numerusform>Switchboard prowadzi konto połączeń Twojej firmy: saldo firmy, członków i środki, które im przydzielasz.

To konto jest jeszcze puste. Możesz najpierw rozejrzeć się po koncie demonstracyjnym z %n zmyślonym członkiem albo od razu zacząć od własnych członków.</numerusform>
            <numerusform>Switchboard prowadzi konto połączeń Twojej firmy: saldo firmy, członków i środki, które im przydzielasz.

To konto jest jeszcze puste. Możesz najpierw rozejrzeć się po koncie demonstracyjnym z %n zmyślonymi członkami albo od razu zacząć od własnych członków.</numerusform>
            <numerusform>Switchboard prowadzi konto połączeń Twojej firmy: saldo firmy, członków i środki, które im przydzielasz.

To konto jest jeszcze puste. Możesz najpierw rozejrzeć się po koncie demonstracyjnym z %n zmyślonymi członkami albo od razu zacząć od własnych członków.</numerusform>
        </translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Wprowadzenie</translation>
    </message>
    <message>
        <source>Open a &amp;demo account</source>
        <translation>Otwórz konto &amp;demonstracyjne</translation>
    </message>
    <message>
        <source>Open a demo account</source>
        <translation>Otwórz konto demonstracyjne</translation>
    </message>
    <message>
        <source>&amp;Start empty</source>
        <translation>&amp;Zacznij od pustego</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Zacznij od pustego</translation>
    </message>
</context>
</TS>
