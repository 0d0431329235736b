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
        <source>Top-up of %1</source>
        <translation>Doładowanie kwotą %1</translation>
    </message>
    <message>
        <source>Top-up of %1, reference %2</source>
        <translation>Doładowanie kwotą %1, numer referencyjny %2</translation>
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
        <source>Allocated %1 to %2; new balance %3</source>
        <translation>Przydzielono %1 na konto %2; nowe saldo: %3</translation>
    </message>
    <message>
        <source>Auto-recharge of %1 resumed for the new month</source>
        <translation>Wznowiono automatyczne doładowanie konta %1 na nowy miesiąc</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation>Saldo firmy (%1) nie wystarcza na automatyczne doładowanie kwotą %2 dla konta %3.</translation>
    </message>
    <message>
        <source>Recharged %1 with %2; new balance %3</source>
        <translation>Doładowano konto %1 kwotą %2; nowe saldo: %3</translation>
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
        <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
        <translation>Automatyczne doładowanie dla %1: %2, gdy saldo spadnie poniżej %3, najwyżej %4 miesięcznie</translation>
    </message>
    <message>
        <source>Auto-recharge is not on for %1.</source>
        <translation>Automatyczne doładowanie dla %1 nie jest włączone.</translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1</source>
        <translation>Wyłączono automatyczne doładowanie dla %1</translation>
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
</context>
<context>
    <name>sb::DemoGenerator</name>
    <message>
        <source>The number of demo members must be between 0 and 1000000.</source>
        <translation>Liczba członków demonstracyjnych musi wynosić od 0 do 1000000.</translation>
    </message>
    <message>
        <source>Generating the demo was cancelled; nothing was written.</source>
        <translation>Anulowano generowanie danych demonstracyjnych; nic nie zostało zapisane.</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n demo member(s)</source>
        <translation>
            <numerusform>Wygenerowano %n członka demonstracyjnego</numerusform>
            <numerusform>Wygenerowano %n członków demonstracyjnych</numerusform>
            <numerusform>Wygenerowano %n członków demonstracyjnych</numerusform>
        </translation>
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
        <source>Added member %1 (%2)</source>
        <translation>Dodano członka %1 (%2)</translation>
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
    <message numerus="yes">
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>Zaimportowano %n członka</numerusform>
            <numerusform>Zaimportowano %n członków</numerusform>
            <numerusform>Zaimportowano %n członków</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Nie można zapisać %1: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Anulowano eksport; nie zapisano żadnego pliku.</translation>
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
        <translation>Nazwa</translation>
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
    <message>
        <source>Only %1 number(s) are left in area %2 (%3); %4 are needed. Nothing was bought.</source>
        <translation>Wolne numery z numerem kierunkowym %2 (%3): %1; potrzeba: %4. Nic nie kupiono.</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n month(s)</source>
        <translation>
            <numerusform>%1 na %n miesiąc</numerusform>
            <numerusform>%1 na %n miesiące</numerusform>
            <numerusform>%1 na %n miesięcy</numerusform>
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
        <source>the pool</source>
        <translation>pula firmy</translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3</source>
        <translation>Ponownie przypisano %1: %2 → %3</translation>
    </message>
    <message>
        <source>%1 is already cancelled; it stays usable until %2.</source>
        <translation>Numer %1 jest już anulowany; można go używać do %2.</translation>
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
        <source>Renewal of %1</source>
        <translation>Odnowienie %1</translation>
    </message>
    <message>
        <source>Renewed %1 for %2; next renewal on %3</source>
        <translation>Odnowiono %1 za %2; następne odnowienie %3</translation>
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
        <translation>Okres rozliczeniowy</translation>
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
        <source>a &quot;this network&quot; address</source>
        <translation>adres „ta sieć”</translation>
    </message>
    <message>
        <source>a private address</source>
        <translation>adres prywatny</translation>
    </message>
    <message>
        <source>a carrier-grade NAT (shared) address</source>
        <translation>adres NAT operatora (współdzielony)</translation>
    </message>
    <message>
        <source>a loopback address</source>
        <translation>adres pętli zwrotnej</translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation>adres lokalny łącza</translation>
    </message>
    <message>
        <source>a reserved (IETF protocol) address</source>
        <translation>adres zarezerwowany (protokoły IETF)</translation>
    </message>
    <message>
        <source>a documentation address</source>
        <translation>adres do dokumentacji</translation>
    </message>
    <message>
        <source>a benchmarking address</source>
        <translation>adres do testów wydajności</translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation>adres multicast</translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation>adres zarezerwowany</translation>
    </message>
    <message>
        <source>%1 is %2 (%3): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation>%1 to %2 (%3): dostawca nie może się z nim połączyć z internetu. Wprowadź publiczny adres połączenia internetowego centrali PBX.</translation>
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
        <source>The SIP profile is already named &quot;%1&quot;.</source>
        <translation>Profil SIP ma już nazwę „%1”.</translation>
    </message>
    <message>
        <source>Renamed SIP profile %1 to %2</source>
        <translation>Zmieniono nazwę profilu SIP %1 na %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n channel(s).</source>
        <translation>
            <numerusform>%1 ma już %n kanał.</numerusform>
            <numerusform>%1 ma już %n kanały.</numerusform>
            <numerusform>%1 ma już %n kanałów.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for a month (%2). The channels were not changed.</source>
        <translation>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanału przez miesiąc (%2). Nie zmieniono kanałów.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanałów przez miesiąc (%2). Nie zmieniono kanałów.</numerusform>
            <numerusform>Saldo firmy (%1) nie wystarcza na opłacenie %n kanałów przez miesiąc (%2). Nie zmieniono kanałów.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
        <translation>Zmieniono liczbę kanałów profilu %1 z %2 na %3; zapłacono %4 za okres do %5</translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
        <translation>Saldo firmy (%1) nie pokrywa kwoty %2 dla %3. Nic nie przydzielono.</translation>
    </message>
    <message>
        <source>Allocated %1 to SIP profile %2; new balance %3</source>
        <translation>Przydzielono %1 do profilu SIP %2; nowe saldo: %3</translation>
    </message>
    <message>
        <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
        <translation>Konto %1 jest już skojarzone z profilem SIP %2; konto może być skojarzone tylko z jednym profilem SIP.</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2; sign-in disabled</source>
        <translation>Skojarzono konto %1 z profilem SIP %2; logowanie wyłączone</translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
        <translation>Skojarzono konto %1 z profilem SIP %2 (numer wewnętrzny %3); logowanie wyłączone</translation>
    </message>
    <message>
        <source>The account %1 is not linked to the SIP profile %2.</source>
        <translation>Konto %1 nie jest skojarzone z profilem SIP %2.</translation>
    </message>
    <message>
        <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
        <translation>Usunięto skojarzenie konta %1 z profilem SIP %2; logowanie przywrócone</translation>
    </message>
    <message>
        <source>Credit of deleted SIP profile %1</source>
        <translation>Środki usuniętego profilu SIP %1</translation>
    </message>
    <message>
        <source>Deleted SIP profile %1: %2 returned to the company, %3 number(s) back in the pool, %4 account(s) unlinked, %5 call record(s) deleted</source>
        <translation>Usunięto profil SIP %1: zwrócono firmie %2; numery zwrócone do puli: %3; konta bez skojarzenia: %4; usunięte rekordy połączeń: %5</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Nie można zapisać %1: %2</translation>
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
</context>
<context>
    <name>sb::SecretVault</name>
    <message>
        <source>The keychain did not give the password of %1: %2</source>
        <translation>Pęk kluczy nie udostępnił hasła dla %1: %2</translation>
    </message>
</context>
<context>
    <name>sb::Transaction</name>
    <message>
        <source>No transaction is open.</source>
        <translation>Żadna transakcja nie jest otwarta.</translation>
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
        <source>Outgoing calls: %1 channel(s), %2 a month; paid until %3%4</source>
        <translation>Połączenia wychodzące: liczba kanałów %1, %2 miesięcznie; opłacone do %3%4</translation>
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
        <translation>Konto:   %1</translation>
    </message>
    <message>
        <source>Name:        %1</source>
        <translation>Nazwa:   %1</translation>
    </message>
    <message>
        <source>E-mail:      %1</source>
        <translation>E-mail:  %1</translation>
    </message>
    <message>
        <source>Department:  %1</source>
        <translation>Dział:   %1</translation>
    </message>
    <message>
        <source>Balance:     %1</source>
        <translation>Saldo:   %1</translation>
    </message>
    <message>
        <source>Status:      %1</source>
        <translation>Stan:    %1</translation>
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
        <translation>Użycie: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] [--now ISO-8601-UTC] [--json] COMMAND ...

Polecenia:
  init                                        utwórz lub zaktualizuj bazę danych
  balance                                     saldo firmy
  topup AMOUNT [--reference TEXT]             dodaj kupione środki do salda firmy
  member add ACCOUNT --name NAME [--email E] [--department D]
  member list [--search TEXT]                 wszyscy członkowie
  member show ACCOUNT                         jeden członek
  member import FILE.csv [--dry-run]          wszystko albo nic; próba wypisuje każdy problem
  member export FILE.csv                      plik CSV, który member import wczytuje bez zmian
  credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT dla każdego członka; wszystko albo nic
  autorecharge set ACCOUNT --amount A --below T --monthly-limit L
  autorecharge off ACCOUNT
  billing run                                 należne do teraz odnowienia, wygaśnięcia i miesięczne zerowania
  activity [--limit N]                        dziennik zdarzeń, od najnowszych
  number countries                            kraje, w których można kupić numery
  number areas COUNTRY                        numery kierunkowe z nazwami miejscowości i liczbą wolnych numerów
  number prices COUNTRY                       cena za okres rozliczeniowy (1, 3, 12 miesięcy)
  number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]
  number assign E164 (--member ACCOUNT | --profile NAME)
  number cancel E164                          działa do końca okresu, bez zwrotu środków
  number list [--search TEXT] [--country CC]  wszystkie obecne i dawne numery firmy
  credit profile NAME AMOUNT                  środki firmy dla profilu SIP
  profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]
  profile show NAME | profile list
  profile rename NAME NEWNAME | profile channels NAME N
  profile credentials NAME                    nazwa użytkownika SIP, hasło i serwery
  profile pbx-config NAME [--format asterisk] gotowa do wklejenia konfiguracja centrali PBX
  profile link NAME ACCOUNT [--extension DIGITS] | profile unlink NAME ACCOUNT
  profile delete NAME --yes [--export-history FILE.csv]
  demo [--members N] [--seed S]               wypełnij bazę realistycznymi wygenerowanymi danymi

Domyślna baza danych to $SWITCHBOARD_DATABASE, a w przeciwnym razie własny plik SQLite okna.
Kod wyjścia: 0 wykonano, 1 odrzucono (nic nie zmieniono), 2 błąd użycia.</translation>
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
        <source>The command &apos;%1&apos; is not available in this version yet.</source>
        <translation>Polecenie „%1” nie jest jeszcze dostępne w tej wersji.</translation>
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
        <source>topup</source>
        <translation>topup</translation>
    </message>
    <message>
        <source>Added %1; company balance %2 %3</source>
        <translation>Dodano %1; saldo firmy %2 %3</translation>
    </message>
    <message>
        <source>Usage: member add|list|show|import|export ...</source>
        <translation>Użycie: member add|list|show|import|export ...</translation>
    </message>
    <message>
        <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D]</source>
        <translation>Użycie: member add ACCOUNT --name NAME [--email E] [--department D]</translation>
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
    <message>
        <source>Dry run: %1 member(s) would be added, %2 line(s) have problems; nothing was written.</source>
        <translation>Próba: członkowie do dodania: %1; wiersze z problemami: %2; nic nie zapisano.</translation>
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
    <message>
        <source>credit allocate</source>
        <translation>credit allocate</translation>
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
        <source>Billing run done: %1 number(s) renewed for %2, %3 released, %4 expired unpaid; %5 monthly limit(s) reset, %6 suspension(s) ended, %7 recharged.</source>
        <translation>Rozliczenie zakończone: odnowione numery: %1 (za %2), zwolnione: %3, wygasłe z braku płatności: %4; wyzerowane limity miesięczne: %5, zakończone wstrzymania: %6, kwota doładowań: %7.</translation>
    </message>
    <message>
        <source>Usage: activity [--limit N]</source>
        <translation>Użycie: activity [--limit N]</translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 100000.</source>
        <translation>--limit: „%1” nie jest liczbą od 1 do 100000.</translation>
    </message>
    <message>
        <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]</source>
        <translation>Użycie: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 0 to 1000000.</source>
        <translation>%1: „%2” nie jest liczbą od 0 do 1000000.</translation>
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
    <message>
        <source>%1	%2	%3 available</source>
        <translation>%1	%2	dostępne: %3</translation>
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
        <source>credit profile</source>
        <translation>credit profile</translation>
    </message>
    <message>
        <source>Allocated %1 to %2; its balance is %3.</source>
        <translation>Przydzielono %1 do profilu %2; jego saldo wynosi %3.</translation>
    </message>
    <message>
        <source>Usage: profile create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ...</source>
        <translation>Użycie: profile create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ...</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1: „%2” nie jest liczbą całkowitą.</translation>
    </message>
    <message>
        <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]</source>
        <translation>Użycie: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]</translation>
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
        <source>channels</source>
        <translation>kanały</translation>
    </message>
    <message>
        <source>%1 now has %2 channel(s) (was %3): paid %4, next payment on %5.</source>
        <translation>Liczba kanałów profilu %1 wynosi teraz %2 (wcześniej %3): zapłacono %4, następna płatność %5.</translation>
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
        <source>Deleting %1 would return %2 to the company balance, put %3 number(s) back in the pool, unlink %4 account(s) and delete %5 call record(s). Add --yes to delete.</source>
        <translation>Usunięcie profilu %1 zwróci %2 do salda firmy; numery zwrócone do puli: %3; konta, których skojarzenie zostanie usunięte: %4; rekordy połączeń do usunięcia: %5. Dodaj --yes, aby usunąć.</translation>
    </message>
    <message>
        <source>Deleted %1: %2 returned to the company balance, %3 number(s) back in the pool, %4 account(s) unlinked, %5 call record(s) deleted.</source>
        <translation>Usunięto profil %1: zwrócono do salda firmy %2; numery zwrócone do puli: %3; konta bez skojarzenia: %4; usunięte rekordy połączeń: %5.</translation>
    </message>
    <message>
        <source>Unknown profile command &apos;%1&apos;.</source>
        <translation>Nieznane polecenie profile: „%1”.</translation>
    </message>
</context>
<context>
    <name>sb::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Aktywność</translation>
    </message>
    <message>
        <source>Search who, action, subject or details (Ctrl+F)</source>
        <translation>Szukaj według osoby, czynności, obiektu lub szczegółów (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Przeszukaj aktywność</translation>
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
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
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
        <source>Warning</source>
        <translation>Ostrzeżenie</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
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
        <source>Problem</source>
        <translation>Problem</translation>
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
    <name>sb::ui::MainWindow</name>
    <message>
        <source>About Switchboard</source>
        <translation>O programie Switchboard</translation>
    </message>
    <message>
        <source>Switchboard %1

Runs a company&apos;s business calling account: the company balance, members and their credit.</source>
        <translation>Switchboard %1

Obsługuje firmowe konto połączeń: saldo firmy, członków i ich środki.</translation>
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
        <source>What the company can still give to members. Top up to add bought credit.</source>
        <translation>Tyle firma może jeszcze przydzielić członkom. Doładuj, aby dodać kupione środki.</translation>
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
        <translation>Pomo&amp;c</translation>
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
        <translation>Szukaj według konta, nazwy, e-maila lub działu (Ctrl+F)</translation>
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
        <translation>Automatyczne &amp;doładowanie…</translation>
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
</context>
<context>
    <name>sb::ui::PlaceholderPage</name>
    <message>
        <source>Numbers</source>
        <translation>Numery</translation>
    </message>
    <message>
        <source>Coming here: buy phone numbers for members and SIP profiles — choose the country, the area and 1, 3 or 12 months, each with its price — reassign them, and cancel them at the end of their paid period.

This part of Switchboard is not available yet.</source>
        <translation>Wkrótce tutaj: kupowanie numerów dla członków i profili SIP — wybierz kraj, numer kierunkowy oraz 1, 3 lub 12 miesięcy, każdy ze swoją ceną — przypisywanie ich na nowo i rezygnacja z nich na koniec opłaconego okresu.

Ta część programu Switchboard nie jest jeszcze dostępna.</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>Profile SIP</translation>
    </message>
    <message>
        <source>Coming here: the SIP trunks that connect the office PBX — registration or IP authentication, channels, their own credit, linked accounts for incoming calls, US minute bundles and ready-to-paste PBX configuration.

This part of Switchboard is not available yet.</source>
        <translation>Wkrótce tutaj: łącza SIP, które łączą centralę PBX biura — rejestracja lub uwierzytelnianie IP, kanały, własne środki, skojarzone konta dla połączeń przychodzących, pakiety minut do USA i gotowa do wklejenia konfiguracja centrali PBX.

Ta część programu Switchboard nie jest jeszcze dostępna.</translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Połączenia i raporty</translation>
    </message>
    <message>
        <source>Coming here: import of the PBX&apos;s call records, rating, call history with filters, reports and charts of what was spent, and advice on bundles and channels.

This part of Switchboard is not available yet.</source>
        <translation>Wkrótce tutaj: import rejestrów połączeń z centrali PBX, taryfikacja, historia połączeń z filtrami, raporty i wykresy wydatków oraz porady dotyczące pakietów i kanałów.

Ta część programu Switchboard nie jest jeszcze dostępna.</translation>
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
        <source>&amp;Switch</source>
        <translation>&amp;Przełącz</translation>
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
        <source>The provider&apos;s SIP servers and the mail server are used by SIP profiles and by sending credentials, which come in a later version.</source>
        <translation>Serwery SIP dostawcy i serwer poczty są używane przez profile SIP i do wysyłania danych logowania, które pojawią się w późniejszej wersji.</translation>
    </message>
    <message>
        <source>SIP servers:</source>
        <translation>Serwery SIP:</translation>
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
        <source>Mail server:</source>
        <translation>Serwer poczty:</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serwer poczty</translation>
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
        <source>Problem</source>
        <translation>Problem</translation>
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
