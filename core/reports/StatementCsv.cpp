#include "core/reports/StatementCsv.h"

#include "core/base/Csv.h"
#include "core/base/OutputFile.h"

namespace sb {

QString StatementCsv::kindKey(StatementAccount::Kind kind)
{
    switch (kind) {
    case StatementAccount::Kind::Company:
        return QStringLiteral("company");
    case StatementAccount::Kind::Profile:
        return QStringLiteral("profile");
    case StatementAccount::Kind::Member:
        break;
    }
    return QStringLiteral("member");
}

QList<StatementCsv::Section> StatementCsv::sections(const MonthStatement& st)
{
    QList<Section> out;
    out.append({QStringLiteral("statement"), {QStringLiteral("month")}, {{st.month}}});

    Section accounts{QStringLiteral("accounts"),
                     {QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("displayName"),
                      QStringLiteral("department"), QStringLiteral("opening"), QStringLiteral("in"),
                      QStringLiteral("out"), QStringLiteral("closing"), QStringLiteral("numbers"),
                      QStringLiteral("channels"), QStringLiteral("bundles"),
                      QStringLiteral("calls"), QStringLiteral("spending"),
                      QStringLiteral("callCount"), QStringLiteral("billedMinutes")},
                     {}};
    const auto accountRow = [](const StatementAccount& a) {
        return QStringList{kindKey(a.kind),
                           a.name,
                           a.displayName,
                           a.department,
                           a.opening.toString(),
                           a.in.toString(),
                           a.out.toString(),
                           a.closing.toString(),
                           a.numbers.toString(),
                           a.channels.toString(),
                           a.bundles.toString(),
                           a.calls.toString(),
                           a.spending().toString(),
                           QString::number(a.callCount),
                           QString::number(a.billedMinutes)};
    };
    accounts.rows.append(accountRow(st.company));
    for (const StatementAccount& a : st.profiles)
        accounts.rows.append(accountRow(a));
    for (const StatementAccount& a : st.members)
        accounts.rows.append(accountRow(a));
    out.append(accounts);

    Section deps{QStringLiteral("departments"),
                 {QStringLiteral("department"), QStringLiteral("numbers"),
                  QStringLiteral("channels"), QStringLiteral("bundles"), QStringLiteral("calls"),
                  QStringLiteral("spending")},
                 {}};
    for (const StatementDepartment& d : st.departments)
        deps.rows.append({d.name, d.numbers.toString(), d.channels.toString(), d.bundles.toString(),
                          d.calls.toString(), d.spending().toString()});
    out.append(deps);

    Section entries{QStringLiteral("entries"),
                    {QStringLiteral("time"), QStringLiteral("kind"), QStringLiteral("accountKind"),
                     QStringLiteral("account"), QStringLiteral("actor"), QStringLiteral("amount"),
                     QStringLiteral("reference")},
                    {}};
    for (const StatementEntry& e : st.entries)
        entries.rows.append({e.at.toString(Qt::ISODate), e.kind,
                             e.account.isEmpty() ? QString() : kindKey(e.accountKind), e.account,
                             e.actor, e.amount.toString(), e.reference});
    out.append(entries);

    Section totals{
        QStringLiteral("totals"), {QStringLiteral("kind"), QStringLiteral("amount")}, {}};
    for (auto it = st.totals.byKind.cbegin(); it != st.totals.byKind.cend(); ++it)
        totals.rows.append({it.key(), it.value().toString()});
    totals.rows.append({QStringLiteral("spending"), st.totals.spending().toString()});
    out.append(totals);

    Section advice{QStringLiteral("advice"),
                   {QStringLiteral("profile"), QStringLiteral("channels"),
                    QStringLiteral("channelsNeeded"), QStringLiteral("busyHourErlangs"),
                    QStringLiteral("bundles"), QStringLiteral("bestBundles"),
                    QStringLiteral("monthlySaving")},
                   {}};
    for (const ProfileAdvice& a : st.advice)
        advice.rows.append(
            {a.name, QString::number(a.channels.have),
             a.channels.known() ? QString::number(a.channels.need) : QString(),
             a.channels.known() ? QString::number(a.channels.busyHourErlangs, 'f', 2) : QString(),
             QString::number(a.bundles.have),
             a.bundles.known() ? QString::number(a.bundles.best) : QString(),
             a.bundles.known() ? a.bundles.monthlySaving.toString() : QString()});
    out.append(advice);
    return out;
}

Result<void> StatementCsv::write(const QList<Section>& sections, QIODevice* out)
{
    QByteArray text;
    for (const Section& s : sections) {
        text += Csv::record(QStringList{s.name} + s.header).toUtf8();
        for (const QStringList& row : s.rows)
            text += Csv::record(QStringList{s.name} + row).toUtf8();
        text += "\r\n";
    }
    if (out->write(text) != text.size())
        return Error::invalid(tr("Cannot write the statement: %1").arg(out->errorString()));
    return {};
}

Result<void> StatementCsv::writeFile(const MonthStatement& statement, const QString& path,
                                     const QList<Section>& extra)
{
    OutputFile file(path);
    if (auto o = file.open(); !o)
        return o;
    if (auto w = write(sections(statement) + extra, file.device()); !w) {
        file.cancel();
        return w;
    }
    return file.commit();
}

} // namespace sb
