// bench_startup: how long `switchboard --screenshot FILE --page P` takes, start to exit, for
// every page on a copy of a big database, and its peak memory, against the floor of a minimal
// Qt window measured in the same run: a QMainWindow with a QTableView of 50 rows, rendered to
// a PNG the way --screenshot renders the window (this program in its --minimal mode).
// Goals (issue 11): every page within 3x the minimal window's time, peak memory within
// 40 MiB of the minimal window's.
//
//   bench_startup [--database FILE] [--app build/bin/switchboard] [--runs N] [--pages a,b]
//
// The database (default /work/bench/full2.db) is copied into a temporary folder first, so the
// original is never written. Each run starts in that folder's own HOME and XDG folders, with
// SWITCHBOARD_NO_KEYCHAIN=1, QT_QPA_PLATFORM=offscreen and a key file of its own. Time is the
// median of the runs (wall clock from spawn to exit); memory is the largest ru_maxrss that
// wait4() reported over the runs. The runs of the floor and of the pages are interleaved, so
// a busy moment on the machine hits both alike.

#include "tests/benchmarks/BenchFigure.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QMainWindow>
#include <QPixmap>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char** environ;

namespace {

using sb::bench::say;

// The floor: as little as a Qt window with a table can be, rendered like --screenshot.
int runMinimal(int argc, char** argv, const QString& out)
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto* model = new QStandardItemModel(50, 5, &window);
    for (int r = 0; r < 50; ++r)
        for (int c = 0; c < 5; ++c)
            model->setItem(r, c,
                           new QStandardItem(QStringLiteral("Row %1, column %2").arg(r).arg(c)));
    auto* view = new QTableView(&window);
    view->setModel(model);
    view->horizontalHeader()->setStretchLastSection(true);
    window.setCentralWidget(view);
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1024, 700);
    window.show();
    QCoreApplication::processEvents();
    const QPixmap pixmap = window.grab();
    return !pixmap.isNull() && pixmap.save(out, "PNG") ? 0 : 1;
}

struct Outcome
{
    bool ok = false;
    double ms = 0;
    qint64 maxRssKiB = 0;
};

Outcome spawnAndWait(const QStringList& args, const QStringList& env)
{
    std::vector<QByteArray> argBytes, envBytes;
    for (const QString& a : args)
        argBytes.push_back(a.toLocal8Bit());
    for (const QString& e : env)
        envBytes.push_back(e.toLocal8Bit());
    std::vector<char*> argv, envp;
    for (QByteArray& a : argBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (QByteArray& e : envBytes)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // Qt's warnings (no XDG_RUNTIME_DIR, propagateSizeHints) are not the figures.
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    Outcome outcome;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return outcome;
    }
    int status = 0;
    struct rusage usage
    {
    };
    const pid_t done = wait4(pid, &status, 0, &usage);
    outcome.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    posix_spawn_file_actions_destroy(&actions);
    outcome.ok = done == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    outcome.maxRssKiB = usage.ru_maxrss; // Linux: kilobytes
    return outcome;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--minimal") == 0)
            return runMinimal(argc, argv, QString::fromLocal8Bit(argv[i + 1]));

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption databaseOption(
        QStringLiteral("database"), QStringLiteral("SQLite file to copy and open."),
        QStringLiteral("FILE"), QStringLiteral("/work/bench/full2.db"));
    const QCommandLineOption appOption(QStringLiteral("app"),
                                       QStringLiteral("The switchboard executable."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per page."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption pagesOption(
        QStringLiteral("pages"), QStringLiteral("Pages, comma separated."), QStringLiteral("LIST"),
        QStringLiteral("dashboard,members,numbers,sip-profiles,calls,activity,settings"));
    parser.addOptions({databaseOption, appOption, runsOption, pagesOption});
    parser.process(app);

    QString appPath = parser.value(appOption);
    if (appPath.isEmpty())
        appPath = QCoreApplication::applicationDirPath() + QStringLiteral("/../../bin/switchboard");
    appPath = QFileInfo(appPath).absoluteFilePath();
    if (!QFileInfo(appPath).isExecutable()) {
        say(QStringLiteral("bench_startup: no switchboard at %1 (--app)").arg(appPath));
        return 2;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QStringList pages = parser.value(pagesOption).split(QLatin1Char(','), Qt::SkipEmptyParts);

    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;
    const QString source = parser.value(databaseOption);
    const QString copy = dir.filePath(QStringLiteral("bench.db"));
    if (!QFile::copy(source, copy)) {
        say(QStringLiteral("bench_startup: cannot copy %1").arg(source));
        return 2;
    }
    for (const char* suffix : {"-wal", "-shm"})
        if (QFile::exists(source + QLatin1String(suffix)))
            QFile::copy(source + QLatin1String(suffix), copy + QLatin1String(suffix));
    const QString keyFile = dir.filePath(QStringLiteral("secrets.key"));
    {
        QFile key(keyFile);
        if (!key.open(QIODevice::WriteOnly))
            return 2;
        QByteArray bytes(32, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(i * 37 + 11);
        key.write(bytes);
        key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QDir(dir.path()).mkpath(QStringLiteral("home/.config"));
    QDir(dir.path()).mkpath(QStringLiteral("home/.local/share"));
    QDir(dir.path()).mkpath(QStringLiteral("home/.cache"));
    QDir(dir.path()).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString home = dir.filePath(QStringLiteral("home"));
    QStringList env;
    for (char** e = environ; *e; ++e) {
        const QString entry = QString::fromLocal8Bit(*e);
        const QString key = entry.section(QLatin1Char('='), 0, 0);
        if (key == QLatin1String("HOME") || key.startsWith(QLatin1String("XDG_")) ||
            key.startsWith(QLatin1String("SWITCHBOARD_")) ||
            key == QLatin1String("QT_QPA_PLATFORM"))
            continue;
        env.append(entry);
    }
    env << QStringLiteral("HOME=") + home
        << QStringLiteral("XDG_CONFIG_HOME=") + home + QStringLiteral("/.config")
        << QStringLiteral("XDG_DATA_HOME=") + home + QStringLiteral("/.local/share")
        << QStringLiteral("XDG_CACHE_HOME=") + home + QStringLiteral("/.cache")
        << QStringLiteral("XDG_RUNTIME_DIR=") + dir.filePath(QStringLiteral("runtime"))
        << QStringLiteral("SWITCHBOARD_NO_KEYCHAIN=1")
        << QStringLiteral("QT_QPA_PLATFORM=offscreen")
        << QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE=") + keyFile;

    const QString self = QFileInfo(QCoreApplication::applicationFilePath()).absoluteFilePath();
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const QStringList minimalArgs{self, QStringLiteral("-qwindowgeometry"),
                                  QStringLiteral("1024x700"), QStringLiteral("--minimal"), shot};

    say(QStringLiteral("bench_startup: %1 on a copy of %2, %3 run(s) each")
            .arg(appPath, source)
            .arg(runs));
    // One run of each first, not counted: the copy and the libraries into the page cache.
    spawnAndWait(minimalArgs, env);
    spawnAndWait({appPath, QStringLiteral("--database"), copy, QStringLiteral("--screenshot"), shot,
                  QStringLiteral("--page"), pages.value(0)},
                 env);

    std::vector<double> floorMs;
    qint64 floorKiB = 0;
    std::map<QString, std::vector<double>> pageMs;
    std::map<QString, qint64> pageKiB;
    for (int run = 0; run < runs; ++run) {
        const Outcome floor = spawnAndWait(minimalArgs, env);
        if (!floor.ok) {
            say(QStringLiteral("bench_startup: the minimal window failed"));
            return 1;
        }
        floorMs.push_back(floor.ms);
        floorKiB = std::max(floorKiB, floor.maxRssKiB);
        for (const QString& page : pages) {
            const Outcome o =
                spawnAndWait({appPath, QStringLiteral("-qwindowgeometry"),
                              QStringLiteral("1024x700"), QStringLiteral("--database"), copy,
                              QStringLiteral("--screenshot"), shot, QStringLiteral("--page"), page},
                             env);
            if (!o.ok) {
                say(QStringLiteral("bench_startup: switchboard failed on page %1").arg(page));
                return 1;
            }
            pageMs[page].push_back(o.ms);
            pageKiB[page] = std::max(pageKiB[page], o.maxRssKiB);
        }
    }

    const double floor = median(floorMs);
    say(QStringLiteral("minimal window: %1 ms, peak %2 MiB")
            .arg(floor, 0, 'f', 1)
            .arg(floorKiB / 1024.0, 0, 'f', 1));
    bool all = true;
    for (const QString& page : pages) {
        const double ms = median(pageMs[page]);
        const double ratio = floor > 0 ? ms / floor : -1;
        const double mib = pageKiB[page] / 1024.0;
        const double extraMib = (pageKiB[page] - floorKiB) / 1024.0;
        const bool held = ratio > 0 && ratio <= 3.0 && extraMib <= 40.0;
        all = all && held;
        say(QStringLiteral("%1: %2 ms (%3x the minimal window), peak %4 MiB (+%5 MiB)%6")
                .arg(page, -13)
                .arg(ms, 0, 'f', 1)
                .arg(ratio, 0, 'f', 2)
                .arg(mib, 0, 'f', 1)
                .arg(extraMib, 0, 'f', 1)
                .arg(held ? QString() : QStringLiteral("  (goal missed)")));
        sb::bench::figure(QStringLiteral("startup"), QStringLiteral("start-up %1").arg(page), ms,
                          QStringLiteral("ms"), ratio,
                          QStringLiteral("<= 3x minimal window, peak <= minimal + 40 MiB"), held);
    }
    return all ? 0 : 3;
}
