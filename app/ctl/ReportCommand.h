#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `report statement --month YYYY-MM (--pdf FILE | --csv FILE)`: the monthly statement.
/// The PDF needs a QGuiApplication (fonts): main.cpp makes one for this command only, on the
/// offscreen platform unless QT_QPA_PLATFORM says otherwise.
class ReportCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("report"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

    /// Whether switchboardctl's arguments ask for a PDF statement (main.cpp, before the
    /// application object exists).
    static bool needsGui(const QStringList& arguments);

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;

private:
    int statement(const QStringList& w, Session& s);
};

} // namespace sb::ctl
