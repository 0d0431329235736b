<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>sb::ActivityLog</name>
        <message numerus="yes">
            <source>Imported %n member(s)</source>
            <translation>
                <numerusform>Imported %n member</numerusform>
                <numerusform>Imported %n members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Generated %n demo member(s)</source>
            <translation>
                <numerusform>Generated %n demo member</numerusform>
                <numerusform>Generated %n demo members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Bought %1 for %2 (%n month(s), %3); renews on %4</source>
            <translation>
                <numerusform>Bought %1 for %2 (%n month, %3); renews on %4</numerusform>
                <numerusform>Bought %1 for %2 (%n months, %3); renews on %4</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Created SIP profile %1 (%2) with %n channel(s), paid %3</source>
            <translation>
                <numerusform>Created SIP profile %1 (%2) with %n channel, paid %3</numerusform>
                <numerusform>Created SIP profile %1 (%2) with %n channels, paid %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added %n US minute bundle(s) to %1; paid %2 until %3</source>
            <translation>
                <numerusform>Added %n US minute bundle to %1; paid %2 until %3</numerusform>
                <numerusform>Added %n US minute bundles to %1; paid %2 until %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cancelled %n US minute bundle(s) of %1; usable until %2</source>
            <translation>
                <numerusform>Cancelled %n US minute bundle of %1; usable until %2</numerusform>
                <numerusform>Cancelled %n US minute bundles of %1; usable until %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Extended %n US minute bundle(s) of %1 by a month; paid %2, next payment %3</source>
            <translation>
                <numerusform>Extended %n US minute bundle of %1 by a month; paid %2, next payment %3</numerusform>
                <numerusform>Extended %n US minute bundles of %1 by a month; paid %2, next payment %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Renewed %n US minute bundle(s) of %1; paid %2 until %3</source>
            <translation>
                <numerusform>Renewed %n US minute bundle of %1; paid %2 until %3</numerusform>
                <numerusform>Renewed %n US minute bundles of %1; paid %2 until %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3)</source>
            <translation>
                <numerusform>The %n US minute bundle of %1 lapsed: its balance (%2) cannot pay the renewal (%3)</numerusform>
                <numerusform>The %n US minute bundles of %1 lapsed: its balance (%2) cannot pay the renewal (%3)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n call record(s) from %1 and charged %2; duplicates skipped: %3; lines not imported: %4</source>
            <translation>
                <numerusform>Imported %n call record from %1 and charged %2; duplicates skipped: %3; lines not imported: %4</numerusform>
                <numerusform>Imported %n call records from %1 and charged %2; duplicates skipped: %3; lines not imported: %4</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::AttentionService</name>
        <message numerus="yes">
            <source>… and %n more.</source>
            <translation>
                <numerusform>… and %n more.</numerusform>
                <numerusform>… and %n more.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n number(s)</source>
            <translation>
                <numerusform>%n number</numerusform>
                <numerusform>%n numbers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n number(s) renew by %1 for %2</source>
            <translation>
                <numerusform>%n number renews by %1 for %2</numerusform>
                <numerusform>%n numbers renew by %1 for %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %n channel(s) of %1 renew on %2 for %3</source>
            <translation>
                <numerusform>The %n channel of %1 renews on %2 for %3</numerusform>
                <numerusform>The %n channels of %1 renew on %2 for %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %n US minute bundle(s) of %1 renew on %2 for %3</source>
            <translation>
                <numerusform>The %n US minute bundle of %1 renews on %2 for %3</numerusform>
                <numerusform>The %n US minute bundles of %1 renew on %2 for %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %n US minute bundle(s) of %1 lapsed on %2: its balance could not pay the renewal.</source>
            <translation>
                <numerusform>The %n US minute bundle of %1 lapsed on %2: its balance could not pay the renewal.</numerusform>
                <numerusform>The %n US minute bundles of %1 lapsed on %2: its balance could not pay the renewal.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 needs %n channel(s) for its busiest hour (%2 erlangs at 1% blocking); it has %3.</source>
            <translation>
                <numerusform>%1 needs %n channel for its busiest hour (%2 erlangs at 1% blocking); it has %3.</numerusform>
                <numerusform>%1 needs %n channels for its busiest hour (%2 erlangs at 1% blocking); it has %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Advice for %1: without its %n US minute bundle(s) it would have saved %2 a month.</source>
            <translation>
                <numerusform>Advice for %1: without its %n US minute bundle it would have saved %2 a month.</numerusform>
                <numerusform>Advice for %1: without its %n US minute bundles it would have saved %2 a month.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Advice for %1: %n US minute bundle(s) instead of %2 would have saved %3 a month.</source>
            <translation>
                <numerusform>Advice for %1: %n US minute bundle instead of %2 would have saved %3 a month.</numerusform>
                <numerusform>Advice for %1: %n US minute bundles instead of %2 would have saved %3 a month.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::BundleMinutesModel</name>
        <message numerus="yes">
            <source>%n other profile(s)</source>
            <translation>
                <numerusform>%n other profile</numerusform>
                <numerusform>%n other profiles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::BundleService</name>
        <message numerus="yes">
            <source>%1 has %n channel(s): it can have at most as many US minute bundles, not %2.</source>
            <translation>
                <numerusform>%1 has %n channel: it can have at most as many US minute bundles, not %2.</numerusform>
                <numerusform>%1 has %n channels: it can have at most as many US minute bundles, not %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 already has %n US minute bundle(s), until %2: change them instead.</source>
            <translation>
                <numerusform>%1 already has %n US minute bundle, until %2: change it instead.</numerusform>
                <numerusform>%1 already has %n US minute bundles, until %2: change them instead.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). Nothing was bought.</source>
            <translation>
                <numerusform>The balance of %1 (%2) cannot pay %n US minute bundle for a month (%3). Nothing was bought.</numerusform>
                <numerusform>The balance of %1 (%2) cannot pay %n US minute bundles for a month (%3). Nothing was bought.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n US minute bundle(s) for %1</source>
            <translation>
                <numerusform>%n US minute bundle for %1</numerusform>
                <numerusform>%n US minute bundles for %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 already has %n US minute bundle(s).</source>
            <translation>
                <numerusform>%1 already has %n US minute bundle.</numerusform>
                <numerusform>%1 already has %n US minute bundles.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The balance of %1 (%2) with the refund of %3 cannot pay %n US minute bundle(s) for a month (%4). The bundles were not changed.</source>
            <translation>
                <numerusform>The balance of %1 (%2) with the refund of %3 cannot pay %n US minute bundle for a month (%4). The bundles were not changed.</numerusform>
                <numerusform>The balance of %1 (%2) with the refund of %3 cannot pay %n US minute bundles for a month (%4). The bundles were not changed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). The bundles were not extended.</source>
            <translation>
                <numerusform>The balance of %1 (%2) cannot pay %n US minute bundle for a month (%3). The bundles were not extended.</numerusform>
                <numerusform>The balance of %1 (%2) cannot pay %n US minute bundles for a month (%3). The bundles were not extended.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Extension of %n US minute bundle(s) for %1</source>
            <translation>
                <numerusform>Extension of %n US minute bundle for %1</numerusform>
                <numerusform>Extension of %n US minute bundles for %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3). Allocate credit to the profile and add them again.</source>
            <translation>
                <numerusform>The %n US minute bundle of %1 lapsed: its balance (%2) cannot pay the renewal (%3). Allocate credit to the profile and add it again.</numerusform>
                <numerusform>The %n US minute bundles of %1 lapsed: its balance (%2) cannot pay the renewal (%3). Allocate credit to the profile and add them again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Renewal of %n US minute bundle(s) for %1</source>
            <translation>
                <numerusform>Renewal of %n US minute bundle for %1</numerusform>
                <numerusform>Renewal of %n US minute bundles for %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::CdrReader</name>
        <message numerus="yes">
            <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): %n bad record(s) and no good one.</source>
            <translation>
                <numerusform>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): %n bad record and no good one.</numerusform>
                <numerusform>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): %n bad records and no good one.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): its first %n record(s) are all bad.</source>
            <translation>
                <numerusform>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): its first %n record is bad.</numerusform>
                <numerusform>The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH cdr_csv): its first %n records are all bad.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::CreditService</name>
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
    </context>
    <context>
        <name>sb::Migrations</name>
        <message numerus="yes">
            <source>it holds %n table(s) of another application.</source>
            <translation>
                <numerusform>it holds %n table of another application.</numerusform>
                <numerusform>it holds %n tables of another application.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::NumberService</name>
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
    </context>
    <context>
        <name>sb::NumbersModel</name>
        <message numerus="yes">
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n month</numerusform>
                <numerusform>%n months</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ProfileService</name>
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
        <message numerus="yes">
            <source>%1 already has %n channel(s).</source>
            <translation>
                <numerusform>%1 already has %n channel.</numerusform>
                <numerusform>%1 already has %n channels.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Renewal of %n channel(s) for %1</source>
            <translation>
                <numerusform>Renewal of %n channel for %1</numerusform>
                <numerusform>Renewal of %n channels for %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 has %n US minute bundle(s); it needs at least as many channels. Lower the bundles first. The channels were not changed.</source>
            <translation>
                <numerusform>%1 has %n US minute bundle; it needs at least as many channels. Lower the bundles first. The channels were not changed.</numerusform>
                <numerusform>%1 has %n US minute bundles; it needs at least as many channels. Lower the bundles first. The channels were not changed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The company balance (%1) with the credit of %2 for unused days cannot pay %n channel(s) for a month (%3). The channels were not changed.</source>
            <translation>
                <numerusform>The company balance (%1) with the credit of %2 for unused days cannot pay %n channel for a month (%3). The channels were not changed.</numerusform>
                <numerusform>The company balance (%1) with the credit of %2 for unused days cannot pay %n channels for a month (%3). The channels were not changed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Unused days of %n channel(s) for %1</source>
            <translation>
                <numerusform>Unused days of %n channel for %1</numerusform>
                <numerusform>Unused days of %n channels for %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::SpendingChartModel</name>
        <message numerus="yes">
            <source>%n other department(s)</source>
            <translation>
                <numerusform>%n other department</numerusform>
                <numerusform>%n other departments</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::StatementDocument</name>
        <message numerus="yes">
            <source>%n channel(s) for the busiest hour (%1 erlangs at 1% blocking); it has %2</source>
            <translation>
                <numerusform>%n channel for the busiest hour (%1 erlangs at 1% blocking); it has %2</numerusform>
                <numerusform>%n channels for the busiest hour (%1 erlangs at 1% blocking); it has %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n US minute bundle(s), saving %1 a month; it has %2</source>
            <translation>
                <numerusform>%n US minute bundle, saving %1 a month; it has %2</numerusform>
                <numerusform>%n US minute bundles, saving %1 a month; it has %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ctl::CommandLine</name>
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
                <numerusform>%n line has problems; nothing was imported.</numerusform>
                <numerusform>%n lines have problems; nothing was imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n member(s) to %1.</source>
            <translation>
                <numerusform>Exported %n member to %1.</numerusform>
                <numerusform>Exported %n members to %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Allocated %1 to each of %n member(s), %2 in all; company balance %3.</source>
            <translation>
                <numerusform>Allocated %1 to each of %n member, %2 in all; company balance %3.</numerusform>
                <numerusform>Allocated %1 to each of %n members, %2 in all; company balance %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.</source>
            <translation>
                <numerusform>Generated %n member, %1 with auto-recharge, %2 of credit allocated.</numerusform>
                <numerusform>Generated %n members, %1 with auto-recharge, %2 of credit allocated.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n month(s): %1</source>
            <translation>
                <numerusform>%n month: %1</numerusform>
                <numerusform>%n months: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Created SIP profile %1 with %n channel(s); the company paid %2.</source>
            <translation>
                <numerusform>Created SIP profile %1 with %n channel; the company paid %2.</numerusform>
                <numerusform>Created SIP profile %1 with %n channels; the company paid %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Outgoing calls: %n channel(s), %1 a month; paid until %2%3</source>
            <translation>
                <numerusform>Outgoing calls: %n channel, %1 a month; paid until %2%3</numerusform>
                <numerusform>Outgoing calls: %n channels, %1 a month; paid until %2%3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1	%2	%n available</source>
            <translation>
                <numerusform>%1	%2	%n available</numerusform>
                <numerusform>%1	%2	%n available</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n US minute bundle(s) for %1: paid %2; the period ends %3.</source>
            <translation>
                <numerusform>%n US minute bundle for %1: paid %2; the period ends %3.</numerusform>
                <numerusform>%n US minute bundles for %1: paid %2; the period ends %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n US minute bundle(s) for %1: refunded %2 for unused minutes, paid %3; the period ends %4.</source>
            <translation>
                <numerusform>%n US minute bundle for %1: refunded %2 for unused minutes, paid %3; the period ends %4.</numerusform>
                <numerusform>%n US minute bundles for %1: refunded %2 for unused minutes, paid %3; the period ends %4.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more line(s) with problems.</source>
            <translation>
                <numerusform>… and %n more line with problems.</numerusform>
                <numerusform>… and %n more lines with problems.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Unknown account code "%1": %n record(s), the first on line %2.</source>
            <translation>
                <numerusform>Unknown account code "%1": %n record, the first on line %2.</numerusform>
                <numerusform>Unknown account code "%1": %n records, the first on line %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n call(s) to %1.</source>
            <translation>
                <numerusform>Exported %n call to %1.</numerusform>
                <numerusform>Exported %n calls to %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n SIP profile(s); channels: %1, numbers: %2.</source>
            <translation>
                <numerusform>%n SIP profile; channels: %1, numbers: %2.</numerusform>
                <numerusform>%n SIP profiles; channels: %1, numbers: %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n call(s) imported; charged calls: %1, %2 in all; payers left owing: %3, %4 together.</source>
            <translation>
                <numerusform>%n call imported; charged calls: %1, %2 in all; payers left owing: %3, %4 together.</numerusform>
                <numerusform>%n calls imported; charged calls: %1, %2 in all; payers left owing: %3, %4 together.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 now has %n channel(s) (it had %2): paid %3, credited %4 for the unused days of the old ones, next payment on %5.</source>
            <translation>
                <numerusform>%1 now has %n channel (it had %2): paid %3, credited %4 for the unused days of the old ones, next payment on %5.</numerusform>
                <numerusform>%1 now has %n channels (it had %2): paid %3, credited %4 for the unused days of the old ones, next payment on %5.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ui::AllocateCreditDialog</name>
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
    </context>
    <context>
        <name>sb::ui::BundlesDialog</name>
        <message numerus="yes">
            <source>Each bundle gives %1 5000 minutes a month of calls to US mobiles and landlines, paid from the profile's own balance. It has %n channel(s): at most that many bundles.</source>
            <translation>
                <numerusform>Each bundle gives %1 5000 minutes a month of calls to US mobiles and landlines, paid from the profile's own balance. It has %n channel: at most that many bundles.</numerusform>
                <numerusform>Each bundle gives %1 5000 minutes a month of calls to US mobiles and landlines, paid from the profile's own balance. It has %n channels: at most that many bundles.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s): %1 a month, paid now; renewed on %2</source>
            <translation>
                <numerusform>%n bundle: %1 a month, paid now; renewed on %2</numerusform>
                <numerusform>%n bundles: %1 a month, paid now; renewed on %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 already has %n bundle(s): choose another count.</source>
            <translation>
                <numerusform>%1 already has %n bundle: choose another count.</numerusform>
                <numerusform>%1 already has %n bundles: choose another count.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The balance of %1 (%2) cannot pay %3 for %n bundle(s). Allocate credit to the profile first.</source>
            <translation>
                <numerusform>The balance of %1 (%2) cannot pay %3 for %n bundle. Allocate credit to the profile first.</numerusform>
                <numerusform>The balance of %1 (%2) cannot pay %3 for %n bundles. Allocate credit to the profile first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 has %n bundle(s) at %2 each, %3 of %4 minutes used this period. The current bundles are cancelled and their unused minutes refunded to the profile's balance; the new count is bought at today's price.</source>
            <translation>
                <numerusform>%1 has %n bundle at %2 each, %3 of %4 minutes used this period. The current bundles are cancelled and their unused minutes refunded to the profile's balance; the new count is bought at today's price.</numerusform>
                <numerusform>%1 has %n bundles at %2 each, %3 of %4 minutes used this period. The current bundles are cancelled and their unused minutes refunded to the profile's balance; the new count is bought at today's price.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Advice: keep %n bundle(s)</source>
            <translation>
                <numerusform>Advice: keep %n bundle</numerusform>
                <numerusform>Advice: keep %n bundles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Advice: %n bundle(s), saves %1 a month</source>
            <translation>
                <numerusform>Advice: %n bundle, saves %1 a month</numerusform>
                <numerusform>Advice: %n bundles, saves %1 a month</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>From the US minutes of the last %n full month(s) with calls (%1 to %2) at today's prices.</source>
            <translation>
                <numerusform>From the US minutes of the last %n full month with calls (%1 to %2) at today's prices.</numerusform>
                <numerusform>From the US minutes of the last %n full months with calls (%1 to %2) at today's prices.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ui::BuyNumbersWizard</name>
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
        <message numerus="yes">
            <source>%n month(s): %1</source>
            <translation>
                <numerusform>%n month: %1</numerusform>
                <numerusform>%n months: %1</numerusform>
            </translation>
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
        <message numerus="yes">
            <source>The company balance (%1) cannot pay %2 for %n number(s). Top up the company balance first, or choose a shorter period.</source>
            <translation>
                <numerusform>The company balance (%1) cannot pay %2 for %n number. Top up the company balance first, or choose a shorter period.</numerusform>
                <numerusform>The company balance (%1) cannot pay %2 for %n numbers. Top up the company balance first, or choose a shorter period.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Each number renews every %n month(s) from the company balance until it is cancelled.</source>
            <translation>
                <numerusform>Each number renews every %n month from the company balance until it is cancelled.</numerusform>
                <numerusform>Each number renews every %n months from the company balance until it is cancelled.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Buying %n number(s) in %1, %2, billed every %3: %4 in all, paid now from the company balance (%5).</source>
            <translation>
                <numerusform>Buying %n number in %1, %2, billed every %3: %4 in all, paid now from the company balance (%5).</numerusform>
                <numerusform>Buying %n numbers in %1, %2, billed every %3: %4 in all, paid now from the company balance (%5).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n month</numerusform>
                <numerusform>%n months</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ui::CallsPage</name>
        <message numerus="yes">
            <source>%Ln call(s) · %1 billed min. · %2 bundle min. · %3</source>
            <translation>
                <numerusform>%Ln call · %1 billed min. · %2 bundle min. · %3</numerusform>
                <numerusform>%Ln calls · %1 billed min. · %2 bundle min. · %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %Ln call(s) from %1 (%2 already there); charged %3.</source>
            <translation>
                <numerusform>Imported %Ln call from %1 (%2 already there); charged %3.</numerusform>
                <numerusform>Imported %Ln calls from %1 (%2 already there); charged %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln line(s) could not be read and were skipped:</source>
            <translation>
                <numerusform>%Ln line could not be read and was skipped:</numerusform>
                <numerusform>%Ln lines could not be read and were skipped:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(and %Ln more)</source>
            <translation>
                <numerusform>(and %Ln more)</numerusform>
                <numerusform>(and %Ln more)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>"%1" (%Ln record(s), first on line %2)</source>
            <translation>
                <numerusform>"%1" (%Ln record, first on line %2)</numerusform>
                <numerusform>"%1" (%Ln records, first on line %2)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln record(s) name no member account and no SIP profile and were not imported:</source>
            <translation>
                <numerusform>%Ln record names no member account and no SIP profile and was not imported:</numerusform>
                <numerusform>%Ln records name no member account and no SIP profile and were not imported:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(and %Ln more code(s))</source>
            <translation>
                <numerusform>(and %Ln more code)</numerusform>
                <numerusform>(and %Ln more codes)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln call(s) were kept without a charge: no rate for their destination, the first on line %1 (%2).</source>
            <translation>
                <numerusform>%Ln call was kept without a charge: no rate for its destination, on line %1 (%2).</numerusform>
                <numerusform>%Ln calls were kept without a charge: no rate for their destination, the first on line %1 (%2).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln payer(s) now owe %1 together: their balances went below zero.</source>
            <translation>
                <numerusform>%Ln payer now owes %1: their balance went below zero.</numerusform>
                <numerusform>%Ln payers now owe %1 together: their balances went below zero.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln call(s) to %1.</source>
            <translation>
                <numerusform>Exported %Ln call to %1.</numerusform>
                <numerusform>Exported %Ln calls to %1.</numerusform>
            </translation>
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
        <message numerus="yes">
            <source>The company balance (%1) cannot pay %2 for %n channel(s).</source>
            <translation>
                <numerusform>The company balance (%1) cannot pay %2 for %n channel.</numerusform>
                <numerusform>The company balance (%1) cannot pay %2 for %n channels.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Change to %n channel(s)</source>
            <translation>
                <numerusform>Change to %n channel</numerusform>
                <numerusform>Change to %n channels</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Advice: %n channel(s) for the busiest hour (%1 erlangs at 1% blocking)</source>
            <translation>
                <numerusform>Advice: %n channel for the busiest hour (%1 erlangs at 1% blocking)</numerusform>
                <numerusform>Advice: %n channels for the busiest hour (%1 erlangs at 1% blocking)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ui::CreateSipProfileWizard</name>
        <message numerus="yes">
            <source>%n channel(s): %1 a month, the first month paid now from the company balance</source>
            <translation>
                <numerusform>%n channel: %1 a month, the first month paid now from the company balance</numerusform>
                <numerusform>%n channels: %1 a month, the first month paid now from the company balance</numerusform>
            </translation>
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
        <message numerus="yes">
            <source>• %n number(s) return to the company's pool and can be reassigned (they stay paid and renew until cancelled): %1.</source>
            <translation>
                <numerusform>• %n number returns to the company's pool and can be reassigned (it stays paid and renews until cancelled): %1.</numerusform>
                <numerusform>• %n numbers return to the company's pool and can be reassigned (they stay paid and renew until cancelled): %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>• %n account(s) are unlinked and can sign in again: %1.</source>
            <translation>
                <numerusform>• %n account is unlinked and can sign in again: %1.</numerusform>
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
                <numerusform>• Its %n channel, paid until %1, ends now; there is no refund for it.</numerusform>
                <numerusform>• Its %n channels, paid until %1, end now; there is no refund for them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Save the profile's %Ln call(s) to a CSV file before they are deleted</source>
            <translation>
                <numerusform>Save the profile's %Ln call to a CSV file before it is deleted</numerusform>
                <numerusform>Save the profile's %Ln calls to a CSV file before they are deleted</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ui::ImportMembersDialog</name>
        <message numerus="yes">
            <source>%1: %n problem(s) found. Nothing will be imported until every line is right; fix the file and import it again.</source>
            <translation>
                <numerusform>%1: %n problem found. Nothing will be imported until every line is right; fix the file and import it again.</numerusform>
                <numerusform>%1: %n problems found. Nothing will be imported until every line is right; fix the file and import it again.</numerusform>
            </translation>
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
    </context>
    <context>
        <name>sb::ui::MainWindow</name>
        <message numerus="yes">
            <source>Billing: %n monthly recharge limit(s) started afresh.</source>
            <translation>
                <numerusform>Billing: %n monthly recharge limit started afresh.</numerusform>
                <numerusform>Billing: %n monthly recharge limits started afresh.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The demo account is ready: %Ln member(s).</source>
            <translation>
                <numerusform>The demo account is ready: %Ln member.</numerusform>
                <numerusform>The demo account is ready: %Ln members.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 … and %Ln more on the Activity page.</source>
            <translation>
                <numerusform>%1 … and %Ln more on the Activity page.</numerusform>
                <numerusform>%1 … and %Ln more on the Activity page.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Billing: the US minute bundles of %Ln SIP profile(s) were renewed from their balances.</source>
            <translation>
                <numerusform>Billing: the US minute bundles of %Ln SIP profile were renewed from their balances.</numerusform>
                <numerusform>Billing: the US minute bundles of %Ln SIP profiles were renewed from their balances.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ui::MembersPage</name>
        <message numerus="yes">
            <source>Allocated %1 to each of %n member(s), %2 in all. Company balance: %3.</source>
            <translation>
                <numerusform>Allocated %1 to each of %n member, %2 in all. Company balance: %3.</numerusform>
                <numerusform>Allocated %1 to each of %n members, %2 in all. Company balance: %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Nothing was imported from %1: %n problem(s), the first on line %2: %3</source>
            <translation>
                <numerusform>Nothing was imported from %1: %n problem, the first on line %2: %3</numerusform>
                <numerusform>Nothing was imported from %1: %n problems, the first on line %2: %3</numerusform>
            </translation>
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
    </context>
    <context>
        <name>sb::ui::SipProfileDetails</name>
        <message numerus="yes">
            <source>%n channel(s): %1 a month</source>
            <translation>
                <numerusform>%n channel: %1 a month</numerusform>
                <numerusform>%n channels: %1 a month</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) at %1 each: %2 a month</source>
            <translation>
                <numerusform>%n bundle at %1 each: %2 a month</numerusform>
                <numerusform>%n bundles at %1 each: %2 a month</numerusform>
            </translation>
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
        <message numerus="yes">
            <source>Created the SIP profile %1 with %n channel(s), paid %2 until %3. Company balance: %4.</source>
            <translation>
                <numerusform>Created the SIP profile %1 with %n channel, paid %2 until %3. Company balance: %4.</numerusform>
                <numerusform>Created the SIP profile %1 with %n channels, paid %2 until %3. Company balance: %4.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 now has %n channel(s): paid %2 now, renewed on %3.</source>
            <translation>
                <numerusform>%1 now has %n channel: paid %2 now, renewed on %3.</numerusform>
                <numerusform>%1 now has %n channels: paid %2 now, renewed on %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 now has %n US minute bundle(s): %2 refunded for unused minutes, %3 paid until %4.</source>
            <translation>
                <numerusform>%1 now has %n US minute bundle: %2 refunded for unused minutes, %3 paid until %4.</numerusform>
                <numerusform>%1 now has %n US minute bundles: %2 refunded for unused minutes, %3 paid until %4.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 now has %n US minute bundle(s): %2 paid until %3.</source>
            <translation>
                <numerusform>%1 now has %n US minute bundle: %2 paid until %3.</numerusform>
                <numerusform>%1 now has %n US minute bundles: %2 paid until %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cancel the %n US minute bundle(s) of %1?</source>
            <translation>
                <numerusform>Cancel the %n US minute bundle of %1?</numerusform>
                <numerusform>Cancel the %n US minute bundles of %1?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Extend the %n US minute bundle(s) of %1 by a month?</source>
            <translation>
                <numerusform>Extend the %n US minute bundle of %1 by a month?</numerusform>
                <numerusform>Extend the %n US minute bundles of %1 by a month?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number(s) back in the pool, %4 unlinked, %5 deleted.</source>
            <translation>
                <numerusform>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number back in the pool, %4 unlinked, %5 deleted.</numerusform>
                <numerusform>Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n numbers back in the pool, %4 unlinked, %5 deleted.</numerusform>
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
                <numerusform>%Ln call</numerusform>
                <numerusform>%Ln calls</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ui::StatementDialog</name>
        <message numerus="yes">
            <source>Company balance: %1 at the start of the month, %2 at its end.
Topped up %3; allocated %4 (auto-recharges included); returned %5.
Spent %6: numbers %7, channels %8, bundles %9, calls %10.
%Ln SIP profile(s) and %11 in the statement.</source>
            <translation>
                <numerusform>Company balance: %1 at the start of the month, %2 at its end.
Topped up %3; allocated %4 (auto-recharges included); returned %5.
Spent %6: numbers %7, channels %8, bundles %9, calls %10.
%Ln SIP profile and %11 in the statement.</numerusform>
                <numerusform>Company balance: %1 at the start of the month, %2 at its end.
Topped up %3; allocated %4 (auto-recharges included); returned %5.
Spent %6: numbers %7, channels %8, bundles %9, calls %10.
%Ln SIP profiles and %11 in the statement.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>sb::ui::WelcomeDialog</name>
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
    </context>
</TS>
