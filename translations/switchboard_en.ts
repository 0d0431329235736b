<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>main</name>
        <message>
            <source>Switchboard cannot start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ActivityLog</name>
        <message>
            <source>Company top-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Member added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Members imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Credit allocated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Member charged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge turned off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge not paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge suspended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge resumed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo data generated</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ActivityModel</name>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::CompanyService</name>
        <message>
            <source>The amount must be greater than zero.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is more than one operation may move (at most %2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The reference is too long (at most 200 characters).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Top-up of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Top-up of %1, reference %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::CreditService</name>
        <message>
            <source>Recharge amount: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The threshold cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The threshold %1 is too large.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly limit: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The monthly limit (%1) must be at least the recharge amount (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose at least one member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The member "%1" is listed more than once.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 for each of %n members is more than one operation may move.</source>
            <translation>
                <numerusform>%1 for each of %n member is more than one operation may move.</numerusform>
                <numerusform>%1 for each of %n members is more than one operation may move.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Nobody was given credit.</source>
            <translation>
                <numerusform>The company balance (%1) cannot cover %2 for each of %n member (%3 in all). Nobody was given credit.</numerusform>
                <numerusform>The company balance (%1) cannot cover %2 for each of %n members (%3 in all). Nobody was given credit.</numerusform>
            </translation>
        </message>
        <message>
            <source>Allocated %1 to %2; new balance %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge of %1 resumed for the new month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The company balance (%1) cannot pay the auto-recharge of %2 for %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recharged %1 with %2; new balance %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The monthly recharge limit of %1 for %2 is reached; auto-recharge is suspended until %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recharged %1 with %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The balance of %1 (%2) is too low for a charge of %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge is not on for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge turned off for %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::Database</name>
        <message>
            <source>No database was given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not a PostgreSQL address of the form postgresql://user[:password]@host[:port]/database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The PostgreSQL driver (QPSQL) is not installed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot create the folder %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the database %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database error: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::DemoGenerator</name>
        <message>
            <source>The number of demo members must be between 0 and 1000000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generating the demo was cancelled; nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Generated %n demo member(s)</source>
            <translation>
                <numerusform>Generated %n demo member</numerusform>
                <numerusform>Generated %n demo members</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::Ledger</name>
        <message>
            <source>Account %1 does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The amount must be greater than zero.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The balance is too low for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The amounts add up to more than can be moved at once.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::MemberService</name>
        <message>
            <source>The account name is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account name "%1" must be 6 to 32 characters long.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account name "%1" must start with a letter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account name "%1" may only contain letters, digits, '.', '_' and '-'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The display name is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The display name is too long (at most 100 characters).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an e-mail address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The department is too long (at most 100 characters).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A member with the account name "%1" already exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added member %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no member with the account name "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A quoted field is never closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is empty: it needs the header line account,name,email,department.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The first line must name the columns: account,name,email,department.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expected %1 fields, found %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account name "%1" appears more than once in the file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The import was cancelled; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Imported %n member(s)</source>
            <translation>
                <numerusform>Imported %n member</numerusform>
                <numerusform>Imported %n members</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The export was cancelled; no file was written.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::MembersModel</name>
        <message>
            <source>Linked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suspended until %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 below %2, limit %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Balance (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (national: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::Migrations</name>
        <message>
            <source>The database %1 was written by a newer version of Switchboard (schema %2; this version knows up to %3). It was left untouched: use a newer Switchboard to open it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upgrading the database to schema %1 failed: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::NumberCatalogue</name>
        <message>
            <source>United States</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canada</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>United Kingdom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Germany</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>France</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Netherlands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Norway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Poland</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::NumberService</name>
        <message>
            <source>Numbers are not sold in "%1". Countries: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The price list has no prices for numbers in %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no member with the account name "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no SIP profile named "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a member or a SIP profile to hold the number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no area code "%2" on offer. Area codes: %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers are billed for 1, 3 or 12 months, not %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The price list has no %1-month price for numbers in %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose at least one member or SIP profile to receive a number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is chosen twice; each gets one number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers in %1 require the holder to accept the terms (for example a local address). Accept the terms to buy.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That is too many numbers at once.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The company balance (%1) cannot pay %n number(s) at %2 (%3 in all). Nothing was bought.</source>
            <translation>
                <numerusform>The company balance (%1) cannot pay %n number at %2 (%3 in all). Nothing was bought.</numerusform>
                <numerusform>The company balance (%1) cannot pay %n numbers at %2 (%3 in all). Nothing was bought.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 for %n month(s)</source>
            <translation>
                <numerusform>%1 for %n month</numerusform>
                <numerusform>%1 for %n months</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Bought %1 for %2 (%n month(s), %3); renews on %4</source>
            <translation>
                <numerusform>Bought %1 for %2 (%n month, %3); renews on %4</numerusform>
                <numerusform>Bought %1 for %2 (%n months, %3); renews on %4</numerusform>
            </translation>
        </message>
        <message>
            <source>"%1" is not a phone number in international form, such as +12125550100.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The number %1 is not one of the company's numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 already holds %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reassigned %1 from %2 to %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is already cancelled; it stays usable until %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled %1; usable until %2, then released, no refund</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was cancelled; its period ended on %2 and it returned to the pool</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 could not be renewed: the company balance (%2) cannot pay %3. It expired and returned to the pool.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renewal of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renewed %1 for %2; next renewal on %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not enough numbers are left in area %1 (%2): %3 left, %4 needed. Nothing was bought.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assigned %1 from the company's pool to %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::NumbersModel</name>
        <message>
            <source>Released</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled: usable until %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 → SIP profile %2 (linked)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profile %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company pool (unassigned)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n month</numerusform>
                <numerusform>%n months</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (national: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Holder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Billed every</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paid until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::PriceList</name>
        <message>
            <source>The price list is not valid JSON: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The price list has no valid %1-month price for %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The price list needs positive bundle and channel prices.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The price list has a malformed rate for prefix "%1".</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ProfileService</name>
        <message>
            <source>The SIP profile needs a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The SIP profile name is too long (at most 64 characters).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The SIP profile name may not contain control characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an IPv4 address such as 203.0.113.10.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The UDP port must be from 1 to 65535 (usually 5060), not %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A SIP profile has from %1 to %2 channels, not %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The extension "%1" may only contain digits (at most 20).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no SIP profile named "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A SIP profile named "%1" already exists.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). No SIP profile was created.</source>
            <translation>
                <numerusform>The company balance (%1) cannot pay %n channel for the first month (%2). No SIP profile was created.</numerusform>
                <numerusform>The company balance (%1) cannot pay %n channels for the first month (%2). No SIP profile was created.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n channel(s) for %1</source>
            <translation>
                <numerusform>%n channel for %1</numerusform>
                <numerusform>%n channels for %1</numerusform>
            </translation>
        </message>
        <message>
            <source>IP authentication from %1:%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>registration as %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Created SIP profile %1 (%2) with %n channel(s), paid %3</source>
            <translation>
                <numerusform>Created SIP profile %1 (%2) with %n channel, paid %3</numerusform>
                <numerusform>Created SIP profile %1 (%2) with %n channels, paid %3</numerusform>
            </translation>
        </message>
        <message>
            <source>The SIP profile is already named "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renamed SIP profile %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 already has %n channel(s).</source>
            <translation>
                <numerusform>%1 already has %n channel.</numerusform>
                <numerusform>%1 already has %n channels.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The company balance (%1) cannot pay %n channel(s) for a month (%2). The channels were not changed.</source>
            <translation>
                <numerusform>The company balance (%1) cannot pay %n channel for a month (%2). The channels were not changed.</numerusform>
                <numerusform>The company balance (%1) cannot pay %n channels for a month (%2). The channels were not changed.</numerusform>
            </translation>
        </message>
        <message>
            <source>Changed %1 from %2 to %3 channels; paid %4 until %5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The company balance (%1) cannot cover %2 for %3. Nothing was allocated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocated %1 to SIP profile %2; new balance %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account %1 is already linked to the SIP profile %2; an account can be linked to one SIP profile only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked %1 to SIP profile %2; sign-in disabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked %1 to SIP profile %2 at extension %3; sign-in disabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account %1 is not linked to the SIP profile %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlinked %1 from SIP profile %2; sign-in restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Credit of deleted SIP profile %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The channels of %1 could not be renewed: the company balance (%2) cannot pay %3. Outgoing calls through it stop until the channels are paid.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Renewal of %n channel(s) for %1</source>
            <translation>
                <numerusform>Renewal of %n channel for %1</numerusform>
                <numerusform>Renewal of %n channels for %1</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 is a "this network" address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a private address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a carrier-grade NAT (shared) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a loopback address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a link-local address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a reserved (IETF protocol) address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a documentation address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a benchmarking address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a multicast address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a reserved address (%2): the provider cannot reach it from the internet. Enter the public address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted SIP profile %1. Returned to the company: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ProfilesModel</name>
        <message>
            <source>IP %1:%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (unpaid)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authentication</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly cost (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Balance (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked accounts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ProviderSettings</name>
        <message>
            <source>"%1" is not a server address such as sip.example.net:5060.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The port of "%1" must be from 1 to 65535.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name at least one SIP server.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::SealedSecret</name>
        <message>
            <source>The secret key file %1 is damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The secret key file %1 is missing: stored SIP passwords cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot create the folder for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write the secret key file %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The stored secret has an unknown format.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The stored secret is damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The stored secret does not match the secret key (%1): it was altered or sealed with another key.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::SecretVault</name>
        <message>
            <source>The keychain did not give the password of %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::Transaction</name>
        <message>
            <source>No transaction is open.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ctl::CommandLine</name>
        <message>
            <source>SIP profile:   %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Department:    %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Balance:       %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authentication: IP %1, UDP port %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authentication: registration as %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (renewal not paid: calls stopped)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked account: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked account: %1, extension %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number:        %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account:     %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:        %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail:      %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Department:  %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Balance:     %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status:      %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge: %1 when below %2, monthly limit %3, recharged this month %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge suspended until %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge: off</source>
            <translation type="unfinished" />
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

The database defaults to $SWITCHBOARD_DATABASE, else the window's own SQLite file.
Exit status: 0 done, 1 refused (nothing changed), 2 usage error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try 'switchboardctl --help'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The option %1 needs a value.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown option %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: "%2" is not an amount; write it like 12.50.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--now: "%1" is not an ISO 8601 time such as 2026-12-01T09:00:00Z.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No command given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The command '%1' is not available in this version yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown command '%1'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>init takes no arguments.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database %1 is ready (schema %2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>balance takes no arguments.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1 %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: topup AMOUNT [--reference TEXT]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added %1; company balance %2 %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: member add|list|show|import|export ...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: member add ACCOUNT --name NAME [--email E] [--department D]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added member %1 (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: member list [--search TEXT]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: member show ACCOUNT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: member import FILE.csv [--dry-run]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Imported %n member(s).</source>
            <translation>
                <numerusform>Imported %n member.</numerusform>
                <numerusform>Imported %n members.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) have problems; nothing was imported.</source>
            <translation>
                <numerusform>%n line have problems; nothing was imported.</numerusform>
                <numerusform>%n lines have problems; nothing was imported.</numerusform>
            </translation>
        </message>
        <message>
            <source>Usage: member export FILE.csv</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exported %n member(s) to %1.</source>
            <translation>
                <numerusform>Exported %n member to %1.</numerusform>
                <numerusform>Exported %n members to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Unknown member command '%1'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Allocated %1 to each of %n member(s), %2 in all; company balance %3.</source>
            <translation>
                <numerusform>Allocated %1 to each of %n member, %2 in all; company balance %3.</numerusform>
                <numerusform>Allocated %1 to each of %n members, %2 in all; company balance %3.</numerusform>
            </translation>
        </message>
        <message>
            <source>Usage: autorecharge set|off ACCOUNT ...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge saved and enabled for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: autorecharge off ACCOUNT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge turned off for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown autorecharge command '%1'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: billing run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: activity [--limit N]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--limit: "%1" is not a number from 1 to 100000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: "%2" is not a number from 0 to 1000000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--seed: "%1" is not a whole number.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.</source>
            <translation>
                <numerusform>Generated %n member, %1 with auto-recharge, %2 of credit allocated.</numerusform>
                <numerusform>Generated %n members, %1 with auto-recharge, %2 of credit allocated.</numerusform>
            </translation>
        </message>
        <message>
            <source>Usage: number countries|areas|prices|buy|assign|cancel|list ...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name exactly one holder: --member ACCOUNT or --profile NAME.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: number countries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>	(terms must be accepted)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: number %1 COUNTRY</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n month(s): %1</source>
            <translation>
                <numerusform>%n month: %1</numerusform>
                <numerusform>%n months: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) [--accept-terms]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--months: "%1" is not 1, 3 or 12.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bought %1 (%2) for %3, paid %4; it renews on %5.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: number assign E164 (--member ACCOUNT | --profile NAME)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reminder: the terms of numbers in %1 (for example a local address) still apply to the new holder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reminder: the number's terms still apply to the new holder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 now belongs to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: number cancel E164</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is cancelled: usable until %2, then released. No refund.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: number list [--search TEXT] [--country CC]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown number command '%1'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: credit profile NAME AMOUNT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocated %1 to %2; its balance is %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: "%2" is not a whole number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--port goes with --ip (IP authentication).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Created SIP profile %1 with %n channel(s); the company paid %2.</source>
            <translation>
                <numerusform>Created SIP profile %1 with %n channel; the company paid %2.</numerusform>
                <numerusform>Created SIP profile %1 with %n channels; the company paid %2.</numerusform>
            </translation>
        </message>
        <message>
            <source>SIP username %1. Show the password with: switchboardctl profile credentials "%2"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile %1 NAME ...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile show NAME</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile rename NAME NEWNAME</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renamed to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile channels NAME N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile %1 NAME</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--format: only "asterisk" (PJSIP) is available.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>IP authentication: the provider accepts calls from %1, UDP port %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Username: %1
Password: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP servers: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile link NAME ACCOUNT [--extension DIGITS]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile unlink NAME ACCOUNT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlinked %1 from %2; sign-in is restored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: profile delete NAME --yes [--export-history FILE.csv]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown profile command '%1'.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Outgoing calls: %n channel(s), %1 a month; paid until %2%3</source>
            <translation>
                <numerusform>Outgoing calls: %n channel, %1 a month; paid until %2%3</numerusform>
                <numerusform>Outgoing calls: %n channels, %1 a month; paid until %2%3</numerusform>
            </translation>
        </message>
        <message>
            <source>Dry run, nothing was written. Members that would be added: %1; lines with problems: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Billing run done. Numbers renewed: %1 (paid %2), released: %3, expired unpaid: %4. Monthly recharge limits reset: %5, suspensions ended: %6, recharged: %7.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1	%2	%n available</source>
            <translation>
                <numerusform>%1	%2	%n available</numerusform>
                <numerusform>%1	%2	%n available</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 now has %n channel(s) (it had %2): paid %3, next payment on %4.</source>
            <translation>
                <numerusform>%1 now has %n channel (it had %2): paid %3, next payment on %4.</numerusform>
                <numerusform>%1 now has %n channels (it had %2): paid %3, next payment on %4.</numerusform>
            </translation>
        </message>
        <message>
            <source>Deleting %1 would: return to the company balance: %2; put numbers back in the pool: %3; unlink accounts: %4; delete call records: %5. Add --yes to delete.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted %1. Returned to the company balance: %2; numbers back in the pool: %3; accounts unlinked: %4; call records deleted: %5.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::ActivityPage</name>
        <message>
            <source>Activity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search who, action, subject or details (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search the activity</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::AddMemberDialog</name>
        <message>
            <source>Add member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account name is how the member signs in: 6 to 32 characters, starting with a letter; letters, digits, '.', '_' and '-'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Account name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Display name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>De&amp;partment:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Display name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::AllocateCreditDialog</name>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 and %n more</source>
            <translation>
                <numerusform>%1 and %n more</numerusform>
                <numerusform>%1 and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Give credit to %n member(s): %1</source>
            <translation>
                <numerusform>Give credit to %n member: %1</numerusform>
                <numerusform>Give credit to %n members: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>"%1" is not an amount. Type it like %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The total is too large.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). Top up the company balance first, or give less.</source>
            <translation>
                <numerusform>The company balance (%1) cannot cover %2 for each of %n member (%3 in all). Top up the company balance first, or give less.</numerusform>
                <numerusform>The company balance (%1) cannot cover %2 for each of %n members (%3 in all). Top up the company balance first, or give less.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Total: %1 (%2 × %n member(s))</source>
            <translation>
                <numerusform>Total: %1 (%2 × %n member)</numerusform>
                <numerusform>Total: %1 (%2 × %n members)</numerusform>
            </translation>
        </message>
        <message>
            <source>Total: —</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1, after the allocation: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocate %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocate credit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Amount for each member (%1):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amount for each member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The amount is deducted from the company balance at once and added to each member. Allocated credit cannot be taken back from a member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::AllocateProfileCreditDialog</name>
        <message>
            <source>Give credit to the SIP profile %1 (balance now %2). Its calls are paid from it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an amount. Type it like %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The company balance (%1) cannot cover %2. Top up the company balance first, or give less.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1, after the allocation: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocate %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocate credit to a SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Amount (%1):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The amount is deducted from the company balance at once. Credit allocated to a SIP profile cannot be taken back; it returns to the company balance only if the profile is deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::AmountEdit</name>
        <message>
            <source>e.g. %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::AutoRechargeDialog</name>
        <message>
            <source>"%1" is not an amount. Type it like %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whenever the balance of %1 is below %2, %3 moves from the company balance to the member, at most %4 each calendar month.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The balance is %1 now, below the threshold: the recharge happens as soon as you save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2) has %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge is off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge is on. Recharged this month: %1 of %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The monthly recharge limit is reached: auto-recharge is suspended until %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Recharge the account with (%1):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;When the balance is below:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Monthly recharge limit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recharge amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Threshold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly recharge limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What will happen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save and enable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Turn off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Turn off auto-recharge</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::BackgroundJob</name>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::BuyNumbersWizard</name>
        <message>
            <source>SIP profile %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is already in the list: each gets one number.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 and %n more</source>
            <translation>
                <numerusform>%1 and %n more</numerusform>
                <numerusform>%1 and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>One number for each of %n holder(s): %1</source>
            <translation>
                <numerusform>One number for each of %n holder: %1</numerusform>
                <numerusform>One number for each of %n holders: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Numbers in %1 require the holder to accept terms (for example a local address in %1). You will be asked to accept them before buying.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers in %1: no extra terms apply.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n month(s): %1</source>
            <translation>
                <numerusform>%n month: %1</numerusform>
                <numerusform>%n months: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Prices per number: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — %2: no numbers left</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 — %2: only %n number(s) left</source>
            <translation>
                <numerusform>%1 — %2: only %n number left</numerusform>
                <numerusform>%1 — %2: only %n numbers left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 — %2: %n number(s) available</source>
            <translation>
                <numerusform>%1 — %2: %n number available</numerusform>
                <numerusform>%1 — %2: %n numbers available</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No area of %1 has %n number(s) left. Choose another country.</source>
            <translation>
                <numerusform>No area of %1 has %n number left. Choose another country.</numerusform>
                <numerusform>No area of %1 has %n numbers left. Choose another country.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n month(s): %1 per number</source>
            <translation>
                <numerusform>%n month: %1 per number</numerusform>
                <numerusform>%n months: %1 per number</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Total: %1 (%2 × %n number(s)), paid now from the company balance</source>
            <translation>
                <numerusform>Total: %1 (%2 × %n number), paid now from the company balance</numerusform>
                <numerusform>Total: %1 (%2 × %n numbers), paid now from the company balance</numerusform>
            </translation>
        </message>
        <message>
            <source>Company balance: %1, after buying: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The company balance (%1) cannot pay %2 for %n number(s). Top up the company balance first, or choose a shorter period.</source>
            <translation>
                <numerusform>The company balance (%1) cannot pay %2 for %n number. Top up the company balance first, or choose a shorter period.</numerusform>
                <numerusform>The company balance (%1) cannot pay %2 for %n numbers. Top up the company balance first, or choose a shorter period.</numerusform>
            </translation>
        </message>
        <message>
            <source>Total: —</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Each number renews every %n month(s) from the company balance until it is cancelled.</source>
            <translation>
                <numerusform>Each number renews every %n month from the company balance until it is cancelled.</numerusform>
                <numerusform>Each number renews every %n months from the company balance until it is cancelled.</numerusform>
            </translation>
        </message>
        <message>
            <source>Numbers in %1 are offered only to holders who meet the local terms, for example a local address in %1, and who provide more details on request. The terms may change with local regulation; a holder who no longer meets them may lose the number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The holders accept the terms for numbers in %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Buying %n number(s) in %1, %2, billed every %3 month(s): %4 in all, paid now from the company balance (%5).</source>
            <translation>
                <numerusform>Buying %n number in %1, %2, billed every %3 month: %4 in all, paid now from the company balance (%5).</numerusform>
                <numerusform>Buying %n numbers in %1, %2, billed every %3 months: %4 in all, paid now from the company balance (%5).</numerusform>
            </translation>
        </message>
        <message>
            <source>Buy numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buy now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who gets a number?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One number for each member or SIP profile in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type an account name or a SIP profile name and choose it from the list, or press Enter to add it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Holder is a:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Holder is a member or a SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;SIP profile:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Account name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start typing a SIP profile name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start typing an account name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profile name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add to the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who gets a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove from the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where the numbers are.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Country:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Terms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The area code of the numbers, with its place.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Billing period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often each number is paid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renewal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The holders must accept the terms before the numbers can be bought.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Summary</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::ChangeChannelsDialog</name>
        <message numerus="yes">
            <source>%1 has %n channel(s), not paid since %2: outgoing calls are stopped.</source>
            <translation>
                <numerusform>%1 has %n channel, not paid since %2: outgoing calls are stopped.</numerusform>
                <numerusform>%1 has %n channels, not paid since %2: outgoing calls are stopped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 has %n channel(s) (%2 a month), paid until %3.</source>
            <translation>
                <numerusform>%1 has %n channel (%2 a month), paid until %3.</numerusform>
                <numerusform>%1 has %n channels (%2 a month), paid until %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n channel(s): %1 a month</source>
            <translation>
                <numerusform>%n channel: %1 a month</numerusform>
                <numerusform>%n channels: %1 a month</numerusform>
            </translation>
        </message>
        <message>
            <source>The current channel subscription ends now, with no refund for the rest of its month. The new one starts today: %1 is paid now from the company balance, and it renews on %2.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The company balance (%1) cannot pay %2 for %n channel(s).</source>
            <translation>
                <numerusform>The company balance (%1) cannot pay %2 for %n channel.</numerusform>
                <numerusform>The company balance (%1) cannot pay %2 for %n channels.</numerusform>
            </translation>
        </message>
        <message>
            <source>Company balance: %1, after the change: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Change to %n channel(s)</source>
            <translation>
                <numerusform>Change to %n channel</numerusform>
                <numerusform>Change to %n channels</numerusform>
            </translation>
        </message>
        <message>
            <source>Change channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Channels (simultaneous calls, %1–%2):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What happens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::CreateSipProfileWizard</name>
        <message>
            <source>A SIP profile named "%1" already exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the public IPv4 address of the PBX's internet connection.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n channel(s): %1 a month, the first month paid now from the company balance</source>
            <translation>
                <numerusform>%n channel: %1 a month, the first month paid now from the company balance</numerusform>
                <numerusform>%n channels: %1 a month, the first month paid now from the company balance</numerusform>
            </translation>
        </message>
        <message>
            <source>Company balance: %1, after creating: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The company balance (%1) cannot pay %n channel(s) for the first month (%2). Top up the company balance first, or choose fewer channels.</source>
            <translation>
                <numerusform>The company balance (%1) cannot pay %n channel for the first month (%2). Top up the company balance first, or choose fewer channels.</numerusform>
                <numerusform>The company balance (%1) cannot pay %n channels for the first month (%2). Top up the company balance first, or choose fewer channels.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The SIP profile %1 is ready: %n channel(s), paid until %2 (%3). Set up the PBX with these details.</source>
            <translation>
                <numerusform>The SIP profile %1 is ready: %n channel, paid until %2 (%3). Set up the PBX with these details.</numerusform>
                <numerusform>The SIP profile %1 is ready: %n channels, paid until %2 (%3). Set up the PBX with these details.</numerusform>
            </translation>
        </message>
        <message>
            <source>Provider SIP servers: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP username: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, UDP port %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the password safe. You can show it again at any time on the SIP profiles page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The provider accepts calls from this address without registration.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Create profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A SIP profile is one SIP trunk for a PBX, with its own credit and channels.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a name that says whose PBX it is, for example the department or the office. The name can be changed later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Profile name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Profile name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sales Oslo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>De&amp;partment:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional: who looks after the PBX</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authentication and channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How the PBX proves who it is, and how many calls it may make at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Registration (recommended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The profile gets a SIP username and a strong generated password; the PBX registers with them. You can show the credentials again at any time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;IP authentication, for a PBX that cannot register</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>IP authentication</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Public IPv4 &amp;address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Public IPv4 address of the PBX</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>UDP &amp;port:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>UDP port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;hannels (simultaneous calls, %1–%2):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the PBX needs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The profile is created.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider SIP servers:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Username:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allowed IP:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::DashboardPage</name>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing has happened yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Credit held by members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent activity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::DeleteSipProfileDialog</name>
        <message numerus="yes">
            <source>Exported %Ln call(s) to %1.</source>
            <translation>
                <numerusform>Exported %Ln call to %1.</numerusform>
                <numerusform>Exported %Ln calls to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the SIP profile %1? This happens:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>• Its credit of %1 returns to the company balance (%2 → %3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>• It has no credit left to return to the company balance.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>• It holds no numbers.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>• %n number(s) return to the company's pool and can be reassigned (they stay paid and renew until cancelled): %1.</source>
            <translation>
                <numerusform>• %n number return to the company's pool and can be reassigned (they stay paid and renew until cancelled): %1.</numerusform>
                <numerusform>• %n numbers return to the company's pool and can be reassigned (they stay paid and renew until cancelled): %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>• No account is linked to it.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>• %n account(s) are unlinked and can sign in again: %1.</source>
            <translation>
                <numerusform>• %n account are unlinked and can sign in again: %1.</numerusform>
                <numerusform>• %n accounts are unlinked and can sign in again: %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>• Its call history is deleted: %Ln call(s).</source>
            <translation>
                <numerusform>• Its call history is deleted: %Ln call.</numerusform>
                <numerusform>• Its call history is deleted: %Ln calls.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>• Its %n channel(s), paid until %1, end now; there is no refund for them.</source>
            <translation>
                <numerusform>• Its %n channel, paid until %1, end now; there is no refund for them.</numerusform>
                <numerusform>• Its %n channels, paid until %1, end now; there is no refund for them.</numerusform>
            </translation>
        </message>
        <message>
            <source>Consequences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export call history first…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export call history first</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Save the profile's %Ln call(s) to a CSV file before they are deleted</source>
            <translation>
                <numerusform>Save the profile's %Ln call to a CSV file before they are deleted</numerusform>
                <numerusform>Save the profile's %Ln calls to a CSV file before they are deleted</numerusform>
            </translation>
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::HolderCompleter</name>
        <message>
            <source>%1 — %2 (member)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — %2 (member, linked to %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (SIP profile)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::ImportMembersDialog</name>
        <message>
            <source>%1 cannot be imported.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1: %n problem(s) found. Nothing will be imported until every line is right; fix the file and import it again.</source>
            <translation>
                <numerusform>%1: %n problem found. Nothing will be imported until every line is right; fix the file and import it again.</numerusform>
                <numerusform>%1: %n problems found. Nothing will be imported until every line is right; fix the file and import it again.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 lists no members to import.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 is ready: %n member(s) can be imported.</source>
            <translation>
                <numerusform>%1 is ready: %n member can be imported.</numerusform>
                <numerusform>%1 is ready: %n members can be imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %n member(s)</source>
            <translation>
                <numerusform>Import %n member</numerusform>
                <numerusform>Import %n members</numerusform>
            </translation>
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problems by line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::LinkAccountDialog</name>
        <message>
            <source>Link an account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls to the account, and to the numbers assigned to it, go to the PBX of the SIP profile %1 — to the extension, if you give one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Account name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start typing an account name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Extension:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Extension</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional, digits only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>While the account is linked it cannot be used to sign in. An account can be linked to one SIP profile only; unlinking restores sign-in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign-in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::MainWindow</name>
        <message>
            <source>About Switchboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance: unknown (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the company can still give to members. Top up to add bought credit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Billing could not run: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Billing: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Billing: %n monthly recharge limit(s) started afresh.</source>
            <translation>
                <numerusform>Billing: %n monthly recharge limit started afresh.</numerusform>
                <numerusform>Billing: %n monthly recharge limits started afresh.</numerusform>
            </translation>
        </message>
        <message>
            <source>Billing: nothing was due.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Topped up %1. Company balance: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Now using %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creating the demo account…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no such page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The window could not be rendered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Switchboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls &amp; reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Activity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Navigation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Company</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Main tool bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Top up…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add bought credit to the company balance (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run &amp;billing now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Process everything due up to now: monthly limits, renewals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Switchboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database in use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The demo account is ready: %Ln member(s).</source>
            <translation>
                <numerusform>The demo account is ready: %Ln member.</numerusform>
                <numerusform>The demo account is ready: %Ln members.</numerusform>
            </translation>
        </message>
        <message>
            <source>Switchboard %1

Runs a company's business calling account: the company balance, members and their credit, numbers and SIP profiles.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;SIP profiles</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::MembersPage</name>
        <message>
            <source>Added member %1 (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the members to give credit to first.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Allocated %1 to each of %n member(s), %2 in all. Company balance: %3.</source>
            <translation>
                <numerusform>Allocated %1 to each of %n member, %2 in all. Company balance: %3.</numerusform>
                <numerusform>Allocated %1 to each of %n members, %2 in all. Company balance: %3.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select one member to set up auto-recharge.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge for %1 is off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge for %1 is on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-recharge for %1 is on. %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing %1…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Nothing was imported from %1: %n problem(s), the first on line %2: %3</source>
            <translation>
                <numerusform>Nothing was imported from %1: %n problem, the first on line %2: %3</numerusform>
                <numerusform>Nothing was imported from %1: %n problems, the first on line %2: %3</numerusform>
            </translation>
        </message>
        <message>
            <source>Exporting to %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search by account, name, e-mail or department (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add member…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a member (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocate &amp;credit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give credit from the company balance to the selected members (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-&amp;recharge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set up auto-recharge for the selected member (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import members…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import members from a CSV file (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export members…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export every member to a CSV file (%1)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln member(s) found</source>
            <translation>
                <numerusform>%Ln member found</numerusform>
                <numerusform>%Ln members found</numerusform>
            </translation>
        </message>
        <message>
            <source>The members cannot be shown: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Imported %Ln member(s) from %1.</source>
            <translation>
                <numerusform>Imported %Ln member from %1.</numerusform>
                <numerusform>Imported %Ln members from %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln member(s) to %1.</source>
            <translation>
                <numerusform>Exported %Ln member to %1.</numerusform>
                <numerusform>Exported %Ln members to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select the members who get a number first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Buy numbers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buy a phone number for each selected member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the members whose numbers to cancel first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ca&amp;ncel numbers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the numbers of the selected members at the end of their paid period</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::NumbersPage</name>
        <message numerus="yes">
            <source>%Ln number(s) found</source>
            <translation>
                <numerusform>%Ln number found</numerusform>
                <numerusform>%Ln numbers found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln number(s)</source>
            <translation>
                <numerusform>%Ln number</numerusform>
                <numerusform>%Ln numbers</numerusform>
            </translation>
        </message>
        <message>
            <source>The numbers cannot be shown: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 for %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 and %n more</source>
            <translation>
                <numerusform>%1 and %n more</numerusform>
                <numerusform>%1 and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Bought %n number(s) in %1 for %2: %3. Company balance: %4.</source>
            <translation>
                <numerusform>Bought %n number in %1 for %2: %3. Company balance: %4.</numerusform>
                <numerusform>Bought %n numbers in %1 for %2: %3. Company balance: %4.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select the one number to reassign.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reassigned %1 from %2 to %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nobody</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The selected members hold no numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is already cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the numbers to cancel first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>• %1 (%2): usable until %3, then released</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each number stays usable until the end of its paid period, then returns to the pool. There is no extra charge and no refund.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not cancelled: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel numbers</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Cancel %n number(s)?</source>
            <translation>
                <numerusform>Cancel %n number?</numerusform>
                <numerusform>Cancel %n numbers?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cancel %n number(s)</source>
            <translation>
                <numerusform>Cancel %n number</numerusform>
                <numerusform>Cancel %n numbers</numerusform>
            </translation>
        </message>
        <message>
            <source>Keep them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (until %2)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Cancelled %n number(s): %1. No refund; each is released when its period ends.</source>
            <translation>
                <numerusform>Cancelled %n number: %1. No refund; each is released when its period ends.</numerusform>
                <numerusform>Cancelled %n numbers: %1. No refund; each is released when its period ends.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n number(s) could not be cancelled: %1</source>
            <translation>
                <numerusform>%n number could not be cancelled: %1</numerusform>
                <numerusform>%n numbers could not be cancelled: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cancelled %n number(s); see the problems above the table.</source>
            <translation>
                <numerusform>Cancelled %n number; see the problems above the table.</numerusform>
                <numerusform>Cancelled %n numbers; see the problems above the table.</numerusform>
            </translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search by number, account, name or SIP profile (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;ountry:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All countries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Held by:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anyone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by holder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Released</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Buy numbers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buy numbers for members or SIP profiles (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reassign number…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the selected number to another member or SIP profile (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cancel numbers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the selected numbers at the end of their paid period (%1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::PbxConfigView</name>
        <message>
            <source>Asterisk PJSIP configuration (pjsip.conf):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asterisk PJSIP configuration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy configuration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the configuration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the whole block, with the password, to paste into the PBX</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::PlaceholderPage</name>
        <message>
            <source>Calls &amp; reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coming here: import of the PBX's call records, rating, call history with filters, reports and charts of what was spent, and advice on bundles and channels.

This part of Switchboard is not available yet.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::ReassignNumberDialog</name>
        <message>
            <source>Reassign number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (E.164: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, %2. Now held by: %3. Paid until %4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nobody</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New holder is a:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New holder is a member or a SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;SIP profile:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Account name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start typing a name; the list says member or SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New holder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers in %1 are held under terms (for example a local address in %1). The terms accepted when this number was bought still apply: make sure the new holder meets them, or the number may be lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The terms under which this number was bought still apply to its new holder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Terms reminder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reassign</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reassign</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::RenameSipProfileDialog</name>
        <message>
            <source>Rename SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new name for the SIP profile %1. Its SIP username, credentials and PBX configuration stay the same.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The language of the window; money and dates follow it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An SQLite file for one admin, or postgresql://user:password@host:port/database for an office where several admins work at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>file path or postgresql://…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Switch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Switch to this database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In use: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP servers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mail server:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mail server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved. Every SIP profile's PBX data now names these servers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The provider's SIP servers are now %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name at least one SIP server, such as %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The provider's SIP servers (host:port, separated by commas) go into every SIP profile's PBX data and configuration; they are kept in the database, so every admin and switchboardctl see the same. The mail server, for sending credentials, comes in a later version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;IP servers:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sa&amp;ve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the SIP servers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP servers message</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::SipProfileDetails</name>
        <message>
            <source>Copied the PBX configuration of %1 to the clipboard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The password cannot be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Department: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registration: the PBX registers with this username and password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password hidden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Hide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide the password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>IP authentication: the provider accepts calls from this address without registration.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, UDP port %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP username: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (defaults shown: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider SIP servers: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point the PBX at these servers with the username and password, or paste this ready configuration:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The PBX sends its calls from %1 to these servers, or paste this ready configuration:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n channel(s): %1 a month</source>
            <translation>
                <numerusform>%n channel: %1 a month</numerusform>
                <numerusform>%n channels: %1 a month</numerusform>
            </translation>
        </message>
        <message>
            <source>Was paid until %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The company balance could not pay the channels' renewal: outgoing calls through this profile stop until the channels are paid. Change the channels to pay now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paid until %1, then renewed monthly from the company balance.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Profile balance: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked accounts (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (national: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No number routes to this profile directly. Numbers of linked accounts route here too.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls to these numbers, and to the numbers of linked accounts, go to this profile's PBX.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profile details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No SIP profile is selected. Create one to connect the office PBX: it gets its own credit, channels, numbers and linked accounts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authentication</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Username:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allowed IP:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PBX data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider SIP servers:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outgoing calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channels not paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls through this profile are paid from its own credit. Credit allocated to it cannot be taken back; it returns to the company balance only when the profile is deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls to a linked account and to its numbers go to this profile's PBX (to the extension, if set). A linked account cannot be used to sign in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Extension</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked accounts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers of the profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>US minute bundles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>US minute bundles — 5000 minutes a month of calls to US mobiles and landlines each, paid from this profile's credit, at most one per channel — come in a later version of Switchboard.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::SipProfilesPage</name>
        <message numerus="yes">
            <source>%n SIP profile(s)</source>
            <translation>
                <numerusform>%n SIP profile</numerusform>
                <numerusform>%n SIP profiles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n SIP profile(s) found</source>
            <translation>
                <numerusform>%n SIP profile found</numerusform>
                <numerusform>%n SIP profiles found</numerusform>
            </translation>
        </message>
        <message>
            <source>The SIP profiles cannot be shown: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Created the SIP profile %1 with %n channel(s), paid %2 until %3. Company balance: %4.</source>
            <translation>
                <numerusform>Created the SIP profile %1 with %n channel, paid %2 until %3. Company balance: %4.</numerusform>
                <numerusform>Created the SIP profile %1 with %n channels, paid %2 until %3. Company balance: %4.</numerusform>
            </translation>
        </message>
        <message>
            <source>Renamed the SIP profile %1 to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export call history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1-calls.csv</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number(s) back in the pool, %4 account(s) unlinked, %5 call(s) deleted.</source>
            <translation>
                <numerusform>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number back in the pool, %4 account unlinked, %5 call deleted.</numerusform>
                <numerusform>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n numbers back in the pool, %4 accounts unlinked, %5 calls deleted.</numerusform>
            </translation>
        </message>
        <message>
            <source>Allocated %1 to the SIP profile %2; its balance is now %3. Company balance: %4.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 now has %n channel(s): paid %2 now, renewed on %3.</source>
            <translation>
                <numerusform>%1 now has %n channel: paid %2 now, renewed on %3.</numerusform>
                <numerusform>%1 now has %n channels: paid %2 now, renewed on %3.</numerusform>
            </translation>
        </message>
        <message>
            <source>Linked %1 to the SIP profile %2; it cannot sign in while linked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked %1 to the SIP profile %2 at extension %3; it cannot sign in while linked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlink account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlink %1 from the SIP profile %2?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls to the account and to its numbers no longer go to the PBX of %1, and the account can sign in again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Unlink</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlink</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlinked %1 from the SIP profile %2; it can sign in again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search by name or department (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search SIP profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Create SIP profile…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a SIP profile for a PBX</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;name…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename the selected SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete SIP profile…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected SIP profile, after showing what happens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allocate c&amp;redit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give credit from the company balance to the SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;hange channels…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change how many calls the SIP profile can make at once</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Link account…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send a member account's incoming calls to the SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Unlink account…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlink the account selected in the details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Buy a number…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buy a number that routes to the SIP profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>US minute bundles come in a later version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add bundles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;hange bundles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cancel bundles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Extend bundles…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::TopUpDialog</name>
        <message>
            <source>"%1" is not an amount. Type it like %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance now: %1. After the top-up: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance now: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Top up the company balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record credit the company has bought. It is added to the company balance, from which members are given credit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Amount (%1):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reference:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. the invoice or order number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Top up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sb::ui::WelcomeDialog</name>
        <message>
            <source>Welcome to Switchboard</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Switchboard keeps your company's calling account: the company balance, the members and the credit you give them.

This account is still empty. You can look around in a demo account with %n made-up member(s) first, or start with your own members right away.</source>
            <translation>
                <numerusform>Switchboard keeps your company's calling account: the company balance, the members and the credit you give them.

This account is still empty. You can look around in a demo account with %n made-up member first, or start with your own members right away.</numerusform>
                <numerusform>Switchboard keeps your company's calling account: the company balance, the members and the credit you give them.

This account is still empty. You can look around in a demo account with %n made-up members first, or start with your own members right away.</numerusform>
            </translation>
        </message>
        <message>
            <source>Introduction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a &amp;demo account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a demo account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Start empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start empty</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
