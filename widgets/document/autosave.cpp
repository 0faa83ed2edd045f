#include "autosave.h"

#include "atomicfile.h"
#include "briefdocument.h"
#include "briefio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace spheres {

namespace {
const QString kBriefSuffix = QStringLiteral(".spheres.json");
}

Autosave::Autosave(BriefDocument *document, QObject *parent)
    : QObject(parent), m_document(document), m_directory(defaultDirectory()),
      m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_pendingSince.invalidate();
        if (!m_document->isModified())
            return;
        if (const QString error = saveNow(); !error.isEmpty())
            emit failed(error);
        else
            emit saved();
    });
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &Autosave::edited);
    connect(m_document, &BriefDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified) { // saved, or a fresh brief: no copy needed any more
            m_timer.stop();
            m_pendingSince.invalidate();
            discard();
        } else {
            edited();
        }
    });
}

Autosave::~Autosave() = default;

QString Autosave::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

void Autosave::setDirectory(const QString &directory) { m_directory = directory; }

void Autosave::setDelays(int delayMs, int maxDelayMs)
{
    m_delayMs = delayMs;
    m_maxDelayMs = maxDelayMs;
}

QString Autosave::lockPath(const QString &id) const { return m_directory + u'/' + id + QStringLiteral(".lock"); }
QString Autosave::briefPath(const QString &id) const { return m_directory + u'/' + id + kBriefSuffix; }
QString Autosave::metaPath(const QString &id) const { return m_directory + u'/' + id + QStringLiteral(".meta.json"); }
QString Autosave::copyPath() const { return briefPath(m_id); }
bool Autosave::hasCopy() const { return QFile::exists(copyPath()); }

void Autosave::edited()
{
    if (!m_document->isModified())
        return;
    // Debounced: a moment after the last edit, but never later than kMaxDelayMs after the first.
    if (!m_pendingSince.isValid())
        m_pendingSince.start();
    const qint64 left = m_maxDelayMs - m_pendingSince.elapsed();
    m_timer.start(int(std::clamp<qint64>(left, 0, m_delayMs)));
}

std::unique_ptr<QLockFile> Autosave::takeLock(const QString &id) const
{
    auto lock = std::make_unique<QLockFile>(lockPath(id));
    // Never stale by age: a window may stay open for days. Stale only when its process is gone.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

QString Autosave::saveNow()
{
    if (!QDir().mkpath(m_directory))
        return tr("%1: cannot create the folder").arg(m_directory);
    if (!m_lock && !(m_lock = takeLock(m_id)))
        return tr("%1: cannot lock the recovery copy").arg(lockPath(m_id));
    // The meta file first: a copy is never without the name of its brief's file.
    const QString original = m_document->filePath();
    if (m_metaWrittenFor != original || !QFile::exists(metaPath(m_id))) {
        const QByteArray meta = QJsonDocument(QJsonObject{{QStringLiteral("originalPath"), original}}).toJson();
        if (const QString error = AtomicFile::save(metaPath(m_id), meta); !error.isEmpty())
            return error;
        m_metaWrittenFor = original;
    }
    return BriefWriter::save(m_document->brief(), copyPath());
}

void Autosave::removeFiles(const QString &id) const
{
    QFile::remove(briefPath(id));
    QFile::remove(metaPath(id));
}

void Autosave::discard()
{
    removeFiles(m_id);
    m_metaWrittenFor.clear();
    m_lock.reset(); // unlocks: nothing of this window's is left to guard
}

QList<Autosave::Orphan> Autosave::orphans(const QString &originalPath) const
{
    QList<Orphan> found;
    const QString wanted = originalPath.isEmpty() ? QString() : QFileInfo(originalPath).absoluteFilePath();
    const QFileInfoList copies = QDir(m_directory).entryInfoList({u'*' + kBriefSuffix}, QDir::Files);
    for (const QFileInfo &copy : copies) {
        const QString id = copy.fileName().chopped(kBriefSuffix.size());
        if (id == m_id)
            continue;
        if (!takeLock(id)) // its window is still open (or recovering it right now)
            continue;      // the lock is released again here: recover() takes it for good
        QFile meta(metaPath(id));
        QString original;
        if (meta.open(QIODevice::ReadOnly))
            original = QJsonDocument::fromJson(meta.readAll()).object().value(u"originalPath").toString();
        if (!wanted.isEmpty() && (original.isEmpty() || QFileInfo(original).absoluteFilePath() != wanted))
            continue;
        found << Orphan{id, copy.filePath(), original, copy.lastModified()};
    }
    std::sort(found.begin(), found.end(), [](const Orphan &a, const Orphan &b) { return a.written > b.written; });
    return found;
}

QString Autosave::recover(const Orphan &orphan)
{
    std::unique_ptr<QLockFile> lock = takeLock(orphan.id);
    if (!lock)
        return tr("%1: another window is recovering this copy").arg(orphan.copyPath);
    BriefReader::Result result = BriefReader::readFile(orphan.copyPath);
    if (!result.ok())
        return result.error;
    discard();
    m_document->reset(std::move(result.brief), orphan.originalPath, true);
    // From now on the copy is this window's (switched after the reset, whose "not modified"
    // on clearing the history would remove it): the next edit rewrites it, a save removes it.
    m_id = orphan.id;
    m_lock = std::move(lock);
    m_metaWrittenFor = orphan.originalPath;
    return {};
}

void Autosave::discard(const Orphan &orphan)
{
    if (orphan.id == m_id)
        return discard();
    if (const std::unique_ptr<QLockFile> lock = takeLock(orphan.id))
        removeFiles(orphan.id);
}

} // namespace spheres
