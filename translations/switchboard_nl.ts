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
    <name>sb::CompanyService</name>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is more than one operation may move (at most %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference is too long (at most 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-up of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-up of %1, reference %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::CreditService</name>
    <message>
        <source>Recharge amount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threshold cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threshold %1 is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly limit (%1) must be at least the recharge amount (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member &quot;%1&quot; is listed more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 for each of %n members is more than one operation may move.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Nobody was given credit.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Allocated %1 to %2; new balance %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge of %1 resumed for the new month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recharged %1 with %2; new balance %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recharged %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The balance of %1 (%2) is too low for a charge of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge is not on for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::Database</name>
    <message>
        <source>No database was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL address of the form postgresql://user[:password]@host[:port]/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::DemoGenerator</name>
    <message>
        <source>The number of demo members must be between 0 and 1000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the demo was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Generated %n demo member(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::Ledger</name>
    <message>
        <source>Account %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The balance is too low for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MemberService</name>
    <message>
        <source>The account name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must be 6 to 32 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; must start with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name is too long (at most 100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department is too long (at most 100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member with the account name &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added member %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty: it needs the header line account,name,email,department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line must name the columns: account,name,email,department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name &quot;%1&quot; appears more than once in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished">Nummers</translation>
    </message>
</context>
<context>
    <name>sb::Migrations</name>
    <message>
        <source>The database %1 was written by a newer version of Switchboard (schema %2; this version knows up to %3). It was left untouched: use a newer Switchboard to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::NumberCatalogue</name>
    <message>
        <source>United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Germany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poland</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::NumberService</name>
    <message>
        <source>Numbers are not sold in &quot;%1&quot;. Countries: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price list has no prices for numbers in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no member with the account name &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a member or a SIP profile to hold the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no area code &quot;%2&quot; on offer. Area codes: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers are billed for 1, 3 or 12 months, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price list has no %1-month price for numbers in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one member or SIP profile to receive a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is chosen twice; each gets one number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers in %1 require the holder to accept the terms (for example a local address). Accept the terms to buy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too many numbers at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n number(s) at %2 (%3 in all). Nothing was bought.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 number(s) are left in area %2 (%3); %4 are needed. Nothing was bought.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bought %1 for %2 (%n month(s), %3); renews on %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in international form, such as +12125550100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number %1 is not one of the company&apos;s numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassigned %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already cancelled; it stays usable until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled %1; usable until %2, then released, no refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was cancelled; its period ended on %2 and it returned to the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewed %1 for %2; next renewal on %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::NumbersModel</name>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: usable until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished">Actief</translation>
    </message>
    <message>
        <source>%1 → SIP profile %2 (linked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company pool (unassigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (national: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
</context>
<context>
    <name>sb::PriceList</name>
    <message>
        <source>The price list is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price list has no valid %1-month price for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price list needs positive bundle and channel prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price list has a malformed rate for prefix &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ProfileService</name>
    <message>
        <source>The SIP profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SIP profile name is too long (at most 64 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SIP profile name may not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address such as 203.0.113.10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &quot;this network&quot; address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a private address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a carrier-grade NAT (shared) address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a loopback address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reserved (IETF protocol) address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a documentation address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a benchmarking address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 (%3): the provider cannot reach it from the internet. Enter the public address of the PBX&apos;s internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UDP port must be from 1 to 65535 (usually 5060), not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SIP profile has from %1 to %2 channels, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extension &quot;%1&quot; may only contain digits (at most 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no SIP profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SIP profile named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). No SIP profile was created.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) for %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>IP authentication from %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registration as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 (%2) with %n channel(s), paid %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The SIP profile is already named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed SIP profile %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n channel(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The company balance (%1) cannot pay %n channel(s) for a month (%2). The channels were not changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated %1 to SIP profile %2; new balance %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2; sign-in disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 is not linked to the SIP profile %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit of deleted SIP profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted SIP profile %1: %2 returned to the company, %3 number(s) back in the pool, %4 account(s) unlinked, %5 call record(s) deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Renewal of %n channel(s) for %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::ProfilesModel</name>
    <message>
        <source>IP %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unpaid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Naam</translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">Afdeling</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly cost (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance (%1)</source>
        <translation type="unfinished">Saldo (%1)</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished">Nummers</translation>
    </message>
</context>
<context>
    <name>sb::ProviderSettings</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as sip.example.net:5060.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port of &quot;%1&quot; must be from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one SIP server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SealedSecret</name>
    <message>
        <source>The secret key file %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret key file %1 is missing: stored SIP passwords cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the secret key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored secret has an unknown format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored secret is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored secret does not match the secret key (%1): it was altered or sealed with another key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SecretVault</name>
    <message>
        <source>The keychain did not give the password of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::Transaction</name>
    <message>
        <source>No transaction is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ctl::CommandLine</name>
    <message>
        <source>SIP profile:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication: IP %1, UDP port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication: registration as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing calls: %1 channel(s), %2 a month; paid until %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (renewal not paid: calls stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked account: %1, extension %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge: %1 when below %2, monthly limit %3, recharged this month %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge suspended until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge: off</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;switchboardctl --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an amount; write it like 12.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--now: &quot;%1&quot; is not an ISO 8601 time such as 2026-12-01T09:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command &apos;%1&apos; is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 is ready (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company balance: %1 %2</source>
        <translation type="unfinished">Bedrijfssaldo: %1 %2</translation>
    </message>
    <message>
        <source>Usage: topup AMOUNT [--reference TEXT]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>topup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1; company balance %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: member add|list|show|import|export ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added member %1 (%2).</source>
        <translation type="unfinished">Lid %1 (%2) toegevoegd.</translation>
    </message>
    <message>
        <source>Usage: member list [--search TEXT]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: member show ACCOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: member import FILE.csv [--dry-run]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: %1 member(s) would be added, %2 line(s) have problems; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have problems; nothing was imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: member export FILE.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown member command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit allocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Allocated %1 to each of %n member(s), %2 in all; company balance %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: autorecharge set|off ACCOUNT ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge saved and enabled for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: autorecharge off ACCOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-recharge turned off for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown autorecharge command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: billing run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing run done: %1 number(s) renewed for %2, %3 released, %4 expired unpaid; %5 monthly limit(s) reset, %6 suspension(s) ended, %7 recharged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: activity [--limit N]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit: &quot;%1&quot; is not a number from 1 to 100000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 0 to 1000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number countries|areas|prices|buy|assign|cancel|list ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name exactly one holder: --member ACCOUNT or --profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: number countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>	(terms must be accepted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: number %1 COUNTRY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1	%2	%3 available</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n month(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--months: &quot;%1&quot; is not 1, 3 or 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought %1 (%2) for %3, paid %4; it renews on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: number assign E164 (--member ACCOUNT | --profile NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder: the terms of numbers in %1 (for example a local address) still apply to the new holder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder: the number&apos;s terms still apply to the new holder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now belongs to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: number cancel E164</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is cancelled: usable until %2, then released. No refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: number list [--search TEXT] [--country CC]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown number command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: credit profile NAME AMOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated %1 to %2; its balance is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port goes with --ip (IP authentication).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Created SIP profile %1 with %n channel(s); the company paid %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>SIP username %1. Show the password with: switchboardctl profile credentials &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile show NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile rename NAME NEWNAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile channels NAME N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now has %2 channel(s) (was %3): paid %4, next payment on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile %1 NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format: only &quot;asterisk&quot; (PJSIP) is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP authentication: the provider accepts calls from %1, UDP port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username: %1
Password: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP servers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile link NAME ACCOUNT [--extension DIGITS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile unlink NAME ACCOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlinked %1 from %2; sign-in is restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile delete NAME --yes [--export-history FILE.csv]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1 would return %2 to the company balance, put %3 number(s) back in the pool, unlink %4 account(s) and delete %5 call record(s). Add --yes to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1: %2 returned to the company balance, %3 number(s) back in the pool, %4 account(s) unlinked, %5 call record(s) deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown profile command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>Search who, action, subject or details (Ctrl+F)</source>
        <translation>Zoek op wie, actie, onderwerp of details (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>Activiteit doorzoeken</translation>
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
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
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
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
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
        <translation>&amp;Account opwaarderen met (%1):</translation>
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
        <source>Problem</source>
        <translation>Probleem</translation>
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
    <name>sb::ui::MainWindow</name>
    <message>
        <source>About Switchboard</source>
        <translation>Over Switchboard</translation>
    </message>
    <message>
        <source>Switchboard %1

Runs a company&apos;s business calling account: the company balance, members and their credit.</source>
        <translation>Switchboard %1

Beheert het zakelijke belaccount van een bedrijf: het bedrijfssaldo, de leden en hun tegoed.</translation>
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
        <source>What the company can still give to members. Top up to add bought credit.</source>
        <translation>Wat het bedrijf nog aan leden kan geven. Waardeer op om gekocht tegoed toe te voegen.</translation>
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
        <translation>Beel&amp;d</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Buy numbers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy a phone number for each selected member</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ui::PlaceholderPage</name>
    <message>
        <source>Numbers</source>
        <translation>Nummers</translation>
    </message>
    <message>
        <source>Coming here: buy phone numbers for members and SIP profiles — choose the country, the area and 1, 3 or 12 months, each with its price — reassign them, and cancel them at the end of their paid period.

This part of Switchboard is not available yet.</source>
        <translation>Binnenkort hier: telefoonnummers kopen voor leden en SIP-profielen — kies het land, het netnummer en 1, 3 of 12 maanden, elk met zijn prijs —, ze opnieuw toewijzen en ze opzeggen aan het einde van de betaalde periode.

Dit deel van Switchboard is nog niet beschikbaar.</translation>
    </message>
    <message>
        <source>SIP profiles</source>
        <translation>SIP-profielen</translation>
    </message>
    <message>
        <source>Coming here: the SIP trunks that connect the office PBX — registration or IP authentication, channels, their own credit, linked accounts for incoming calls, US minute bundles and ready-to-paste PBX configuration.

This part of Switchboard is not available yet.</source>
        <translation>Binnenkort hier: de SIP-trunks die de telefooncentrale van het kantoor verbinden — registratie of IP-authenticatie, kanalen, eigen tegoed, gekoppelde accounts voor inkomende gesprekken, Amerikaanse minutenbundels en kant-en-klare centraleconfiguratie.

Dit deel van Switchboard is nog niet beschikbaar.</translation>
    </message>
    <message>
        <source>Calls &amp; reports</source>
        <translation>Gesprekken en rapporten</translation>
    </message>
    <message>
        <source>Coming here: import of the PBX&apos;s call records, rating, call history with filters, reports and charts of what was spent, and advice on bundles and channels.

This part of Switchboard is not available yet.</source>
        <translation>Binnenkort hier: import van de gespreksgegevens van de centrale, tarifering, gespreksgeschiedenis met filters, rapporten en grafieken van de uitgaven, en advies over bundels en kanalen.

Dit deel van Switchboard is nog niet beschikbaar.</translation>
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
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>file path or postgresql://…</source>
        <translation>bestandspad of postgresql://…</translation>
    </message>
    <message>
        <source>&amp;Switch</source>
        <translation>&amp;Wisselen</translation>
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
        <source>The provider&apos;s SIP servers and the mail server are used by SIP profiles and by sending credentials, which come in a later version.</source>
        <translation>De SIP-servers van de provider en de mailserver worden gebruikt door SIP-profielen en voor het versturen van inloggegevens; die komen in een latere versie.</translation>
    </message>
    <message>
        <source>SIP servers:</source>
        <translation>SIP-servers:</translation>
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
        <source>Mail server:</source>
        <translation>Mailserver:</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mailserver</translation>
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
        <source>Problem</source>
        <translation>Probleem</translation>
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
