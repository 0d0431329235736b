#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sb::test {

/// Runs the built switchboardctl ($SWITCHBOARD_CTL) as a separate process.
struct CtlResult
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

class CtlRunner
{
public:
    explicit CtlRunner(QString database = {}) : m_database(std::move(database)) {}

    static QString program() { return qEnvironmentVariable("SWITCHBOARD_CTL"); }

    /// By default a `--now` comes with `--force-time`, so that fixed test dates never meet the
    /// one-year limit of a real clock; false to test that limit.
    void setForceTime(bool force) { m_forceTime = force; }

    /// Starts without waiting, for races between processes.
    QProcess* start(const QStringList& args, QObject* parent = nullptr) const
    {
        auto* p = new QProcess(parent);
        p->setProcessEnvironment(environment());
        p->start(program(), withDatabase(args));
        return p;
    }

    CtlResult run(const QStringList& args, const QProcessEnvironment& env = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(env.isEmpty() ? environment() : env);
        p.start(program(), withDatabase(args));
        CtlResult r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static QProcessEnvironment environment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("SWITCHBOARD_DATABASE"));
        env.insert(QStringLiteral("USER"), QStringLiteral("qa-admin"));
        return env;
    }

private:
    QStringList withDatabase(const QStringList& argsIn) const
    {
        QStringList args = argsIn;
        // The tests' fixed dates stay valid whatever year the suite runs in; the limit itself
        // is tested with setForceTime(false).
        if (m_forceTime && args.contains(QStringLiteral("--now")) &&
            !args.contains(QStringLiteral("--force-time")))
            args.prepend(QStringLiteral("--force-time"));
        if (m_database.isEmpty())
            return args;
        return QStringList{QStringLiteral("--database"), m_database} + args;
    }
    QString m_database;
    bool m_forceTime = true;
};

} // namespace sb::test
