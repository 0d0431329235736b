#pragma once

#include "core/base/Error.h"
#include "core/numbers/PriceList.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QString>

namespace sb {

/// The price list in force, the one way the program gets it: the list imported last with
/// `prices import` (kept in `settings` under SettingsKey, as PriceList::toJson()), else the
/// one shipped (PriceList::builtIn()). Services built without a list (NumberService,
/// ProfileService, CallImporter) take current().
class PriceListStore
{
    Q_DECLARE_TR_FUNCTIONS(sb::PriceListStore)

public:
    static constexpr QLatin1String SettingsKey{"pricelist"};

    explicit PriceListStore(const Context& ctx) : m_ctx(ctx) {}

    /// The list in force in `ctx`'s database. Lists are parsed once and kept for the life of
    /// the program (a few, one per import), so the reference stays valid. A stored list that
    /// cannot be read (a storage error) gives the built-in one, with a warning on the log.
    static const PriceList& current(const Context& ctx);

    /// Whether an imported list is in force (else the built-in one).
    Result<bool> isImported() const;

    struct Imported
    {
        QString file;
        int countries = 0;
        int rates = 0;
        PriceList prices;
    };
    /// Validates the file whole (PriceList::validated; a file over PriceList::MaxFileBytes is
    /// not even read) and puts it in force in place of the list in force, in one statement
    /// with its activity line ('prices.imported'). Refused, nothing changed, on any problem.
    Result<Imported> importFile(const QString& path) const;
    /// The same for bytes already read; `fileName` for the activity log.
    Result<Imported> importBytes(const QByteArray& bytes, const QString& fileName) const;

private:
    const Context& m_ctx;
};

} // namespace sb
