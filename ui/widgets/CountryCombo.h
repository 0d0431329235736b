#pragma once

#include <QComboBox>

namespace sb::ui {

/// Picks a payer's country: every region libphonenumber knows (core/base/PhoneNumbers),
/// shown as "Norway (NO)" (QLocale::territoryToString) and sorted by that name; US until
/// another is chosen. The code ("NO") is each item's data. Its objectName is countryCombo.
class CountryCombo : public QComboBox
{
    Q_OBJECT

public:
    explicit CountryCombo(QWidget* parent = nullptr);

    /// The chosen ISO 3166 alpha-2 code ("US").
    QString country() const;
    /// Chooses `code` (any case); false, and nothing changed, for a code not listed.
    bool setCountry(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();
};

} // namespace sb::ui
