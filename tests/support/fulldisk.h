#pragma once

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

/// A tiny tmpfs that can be filled up, for tests of what happens when the disk is full: every
/// write into it then fails with ENOSPC ("No space left on device"). Mounting needs root; when
/// it cannot be had, skipReason() says why, for QSKIP. Unmounted when destroyed.
class FullDisk
{
public:
    FullDisk()
    {
        if (!m_dir.isValid())
            m_skipReason = QStringLiteral("no temporary folder for the full-disk tmpfs");
        else if (::geteuid() != 0)
            m_skipReason = QStringLiteral("a full-disk test needs root to mount a small tmpfs");
        else if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                         "size=64k,mode=0755") != 0)
            m_skipReason = QStringLiteral("mounting a small tmpfs failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        else
            m_mounted = true;
    }
    ~FullDisk()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    FullDisk(const FullDisk &) = delete;
    FullDisk &operator=(const FullDisk &) = delete;

    /// Empty when the disk is mounted.
    QString skipReason() const { return m_skipReason; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    /// Writes `name` while there is room (the "good old file" a failed write must keep).
    bool put(const QString &name, const QByteArray &bytes) const
    {
        QFile file(filePath(name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size() && file.flush();
    }
    /// Takes every byte left: from now on, writing any new data fails.
    bool fill() const
    {
        const int fd = ::open(QFile::encodeName(filePath(kFiller)).constData(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd < 0)
            return false;
        const char block[4096] = {};
        while (::write(fd, block, sizeof block) > 0) {
        }
        while (::write(fd, block, 1) > 0) { // the last partly used page
        }
        const bool full = errno == ENOSPC;
        ::close(fd);
        return full;
    }
    /// Gives `bytes` (rounded down to whole pages) back after fill(): a write of more fails part-way.
    bool leave(qint64 bytes) const
    {
        QFile filler(filePath(kFiller));
        return filler.resize(std::max<qint64>(0, filler.size() - bytes / 4096 * 4096));
    }
    /// Gives the space back.
    bool release() const { return QFile::remove(filePath(kFiller)); }
    /// The files in the folder, without the filler: a failed write must leave no stray file.
    QStringList entries() const
    {
        QStringList names = QDir(path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        names.removeAll(kFiller);
        return names;
    }

private:
    static inline const QString kFiller = QStringLiteral("filler");
    QTemporaryDir m_dir;
    QString m_skipReason;
    bool m_mounted = false;
};

/// Skips the test (with the reason) when `disk` could not be mounted.
#define SPHERES_REQUIRE_FULL_DISK(disk)                                                                                \
    do {                                                                                                               \
        if (!(disk).skipReason().isEmpty())                                                                            \
            QSKIP(qPrintable((disk).skipReason()));                                                                    \
    } while (false)
