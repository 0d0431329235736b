#pragma once

#include <QWizardPage>

#include <functional>

namespace sb::ui {

/// A wizard page whose "complete" state (Next / Finish enabled) comes from its wizard: the
/// wizard owns the widgets and the rules, the page only asks. Call refresh() after anything
/// the rule reads has changed.
class WizardPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WizardPage(QWidget* parent = nullptr) : QWizardPage(parent) {}

    void setCompleteRule(std::function<bool()> rule)
    {
        m_rule = std::move(rule);
        refresh();
    }
    bool isComplete() const override { return m_rule ? m_rule() : QWizardPage::isComplete(); }

public slots:
    void refresh() { emit completeChanged(); }

private:
    std::function<bool()> m_rule;
};

} // namespace sb::ui
