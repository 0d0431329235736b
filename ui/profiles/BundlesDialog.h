#pragma once

#include "core/bundles/BundleService.h"
#include "core/bundles/BundleSummary.h"
#include "core/profiles/SipProfile.h"
#include "core/reports/ProfileAdvice.h"
#include "core/storage/Context.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace sb::ui {

class HintLabel;

/// Adds US minute bundles to a SIP profile, or changes their number (objectName
/// addBundlesDialog / changeBundlesDialog). The monthly cost follows the count as it is
/// typed; a change shows the refund of the unused minutes and the new cost before "Buy now".
/// A refusal (balance too low, count above the channels) shows inline and nothing changes.
/// The advice (AdviceService: the count that would have cost least over the last full months
/// of calls, and what it saves) stands under the introduction, where the count is chosen.
class BundlesDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Add,
        Change
    };
    BundlesDialog(const Context& ctx, Mode mode, const SipProfile& profile,
                  const BundleSummary& current, QWidget* parent = nullptr);

    /// What was bought (after accept()).
    const BundleService::Purchase& purchase() const { return m_purchase; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();
    void updateAdvice();

    const Context& m_ctx;
    BundleService m_service;
    Mode m_mode;
    SipProfile m_profile;
    BundleSummary m_current;
    BundleService::Purchase m_purchase;
    std::optional<ProfileAdvice::Bundles> m_advice; ///< none when it could not be read
    QLabel* m_intro = nullptr;
    QLabel* m_adviceLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QSpinBox* m_count = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_refund = nullptr;
    QLabel* m_balance = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_refusal;
};

} // namespace sb::ui
