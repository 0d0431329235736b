#include "core/numbers/PriceListStore.h"

#include "core/books/ActivityLog.h"
#include "core/storage/Transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <QSqlQuery>

#include <memory>

namespace sb {

const PriceList& PriceListStore::current(const Context& ctx)
{
    auto q = ctx.db.run(QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                        {QString(SettingsKey)});
    if (!q) {
        qWarning("The imported price list cannot be read (%s); the built-in one is used.",
                 qPrintable(q.error().message));
        return PriceList::builtIn();
    }
    if (!q->next())
        return PriceList::builtIn();
    const QByteArray json = q->value(0).toString().toUtf8();
    q->finish();

    // Parsed once per distinct list and never freed: services keep a reference to it, and
    // a program sees only the few lists imported while it runs.
    static QMutex mutex;
    static QHash<QByteArray, std::shared_ptr<const PriceList>> parsed;
    const QByteArray digest = QCryptographicHash::hash(json, QCryptographicHash::Sha256);
    const QMutexLocker lock(&mutex);
    if (auto it = parsed.constFind(digest); it != parsed.cend())
        return **it;
    auto list = PriceList::fromJson(json);
    if (!list) {
        qWarning("The imported price list is damaged (%s); the built-in one is used.",
                 qPrintable(list.error().message));
        return PriceList::builtIn();
    }
    auto kept = std::make_shared<const PriceList>(std::move(list.value()));
    parsed.insert(digest, kept);
    return *kept;
}

Result<bool> PriceListStore::isImported() const
{
    auto q = m_ctx.db.runFirst(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = ?"),
                               {QString(SettingsKey)});
    if (!q)
        return q.error();
    return q->value(0).toLongLong() > 0;
}

Result<PriceListStore::Imported> PriceListStore::importFile(const QString& path) const
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > PriceList::MaxFileBytes)
        return Error::invalid(tr("The price list %1 is too large (%2 bytes; at most %3).")
                                  .arg(info.fileName())
                                  .arg(info.size())
                                  .arg(PriceList::MaxFileBytes));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::notFound(tr("Cannot read %1: %2").arg(path, f.errorString()));
    // Read one byte more than allowed: a file that grew since it was measured is refused too.
    const QByteArray bytes = f.read(PriceList::MaxFileBytes + 1);
    if (f.error() != QFileDevice::NoError)
        return Error::notFound(tr("Cannot read %1: %2").arg(path, f.errorString()));
    return importBytes(bytes, info.fileName());
}

Result<PriceListStore::Imported> PriceListStore::importBytes(const QByteArray& bytes,
                                                             const QString& fileName) const
{
    auto list = PriceList::validated(bytes);
    if (!list)
        return list.error();
    Imported out{fileName, static_cast<int>(list->countries().size()),
                 static_cast<int>(list->rates().size()), list.value()};
    const QString json =
        QString::fromUtf8(QJsonDocument(list->toJson()).toJson(QJsonDocument::Compact));
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Imported> {
        // One statement replaces the list in force: readers see the old one or the new one.
        auto q = tx.db().run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                            " ON CONFLICT (key) DO UPDATE SET value = "
                                            "excluded.value"),
                             {QString(SettingsKey), json});
        if (!q)
            return q.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::pricesImported(fileName, out.countries, out.rates));
            !a)
            return a.error();
        return out;
    });
    if (done)
        m_ctx.announce(Changes().withActivity());
    return done;
}

} // namespace sb
