// The command-line's heap in large pages (app/largepageheap.h): the region is advised, and what
// an export allocates, up to its 1080p picture, comes from it rather than from mappings of
// 4 KiB pages of its own.
#include "largepageheap.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <thread>

using namespace spheres;

namespace {

/// Whether the kernel would back an advised region with large pages at all.
bool kernelOffersLargePages()
{
    QFile setting(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    return setting.open(QIODevice::ReadOnly) && !setting.readAll().contains("[never]");
}

/// The VmFlags line of the mapping of /proc/self/smaps that holds `address`.
QByteArray mappingFlags(const void *address)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    const auto at = reinterpret_cast<quintptr>(address);
    bool inside = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-'), space = line.indexOf(' ');
        if (dash > 0 && space > dash && !line.startsWith("VmFlags")) {
            bool ok1 = false, ok2 = false;
            const quintptr begin = line.left(dash).toULongLong(&ok1, 16), end = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            if (ok1 && ok2)
                inside = at >= begin && at < end;
        } else if (inside && line.startsWith("VmFlags:")) {
            return line;
        }
    }
    return {};
}

/// The process's resident memory, in KiB (-1 if unknown).
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong();
    return -1;
}

} // namespace

class TestLargePageHeap : public QObject
{
    Q_OBJECT
public:
    explicit TestLargePageHeap(LargePageHeap::Region region) : m_region(region) {}

private slots:
    void initTestCase();
    void allocationsComeFromTheAdvisedRegion_data();
    void allocationsComeFromTheAdvisedRegion();
    void otherThreadsAllocateFromIt_data() { allocationsComeFromTheAdvisedRegion_data(); }
    void otherThreadsAllocateFromIt();
    void backingKeepsWhatTheHeapHolds_data();
    void backingKeepsWhatTheHeapHolds();
    void backingEndsWithTheRegion();

private:
    LargePageHeap::Region m_region;
};

void TestLargePageHeap::initTestCase()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    QSKIP("a sanitizer's allocator takes no blocks from the program break");
#endif
    if (!kernelOffersLargePages())
        QSKIP("this kernel offers no transparent huge pages");
    QVERIFY2(m_region.size() >= LargePageHeap::kReserve / 2, "no heap region was advised");
    const QByteArray flags = mappingFlags(m_region.end - 1); // the region may begin before the heap
    QVERIFY2(flags.contains(" hg"), flags.constData());
}

void TestLargePageHeap::allocationsComeFromTheAdvisedRegion_data()
{
    QTest::addColumn<qsizetype>("bytes");
    QTest::newRow("a path's points") << qsizetype(200'000);
    QTest::newRow("glibc's usual mapping threshold") << qsizetype(140'000);
    QTest::newRow("a 1080p picture") << qsizetype(1920 * 1080 * 4);
    QTest::newRow("an 8-megapixel picture") << qsizetype(3840 * 2160 * 4);
}

void TestLargePageHeap::allocationsComeFromTheAdvisedRegion()
{
    QFETCH(qsizetype, bytes);
    const std::unique_ptr<char, decltype(&std::free)> block(static_cast<char *>(std::malloc(size_t(bytes))), &std::free);
    QVERIFY(block);
    QVERIFY2(m_region.contains(block.get()) && m_region.contains(block.get() + bytes - 1),
             "the block was placed outside the advised heap");
}

/// A worker (an export projects a large layer on every core) allocates from the same heap, not
/// from an arena mapped apart in 4 KiB pages.
void TestLargePageHeap::otherThreadsAllocateFromIt()
{
    QFETCH(qsizetype, bytes);
    bool inside = false;
    std::thread worker([&] {
        const std::unique_ptr<char, decltype(&std::free)> block(static_cast<char *>(std::malloc(size_t(bytes))), &std::free);
        inside = block && m_region.contains(block.get()) && m_region.contains(block.get() + bytes - 1);
    });
    worker.join();
    QVERIFY2(inside, "a worker's block was placed outside the advised heap");
}

/// An export backs the heap ahead of its readers (backNext) while they allocate from it: the
/// pages become resident, and what blocks already hold is left as it was.
void TestLargePageHeap::backingKeepsWhatTheHeapHolds_data()
{
    QTest::addColumn<qsizetype>("step");
    QTest::newRow("a step of 4 MiB, as an export takes") << qsizetype(4) * 1024 * 1024;
    QTest::newRow("64 MiB at once") << qsizetype(64) * 1024 * 1024;
}

void TestLargePageHeap::backingKeepsWhatTheHeapHolds()
{
    QFETCH(qsizetype, step);
    const std::unique_ptr<char, decltype(&std::free)> block(static_cast<char *>(std::malloc(1 << 20)), &std::free);
    QVERIFY(block && m_region.contains(block.get()));
    std::fill_n(block.get(), 1 << 20, char(0x5a));
    const qint64 before = residentKiB();
    if (!LargePageHeap::backNext(size_t(step)))
        QSKIP("this kernel cannot back memory without writing it (Linux 5.14 and later can)");
    QVERIFY2(residentKiB() - before >= step / 1024 / 2, "the step did not become resident");
    QVERIFY(std::all_of(block.get(), block.get() + (1 << 20), [](char c) { return c == char(0x5a); }));
    const std::unique_ptr<char, decltype(&std::free)> after(static_cast<char *>(std::malloc(8 << 20)), &std::free);
    QVERIFY(after && m_region.contains(after.get()));
}

/// Backing stops at the region's end: what lies beyond it is not the heap's.
void TestLargePageHeap::backingEndsWithTheRegion()
{
    constexpr size_t kStep = size_t(16) << 20;
    size_t steps = 0;
    while (LargePageHeap::backNext(kStep))
        ++steps;
    QVERIFY(steps <= m_region.size() / kStep + 1);
    QVERIFY(!LargePageHeap::backNext(kStep));
}

int main(int argc, char **argv)
{
    // First, as the program reserves it: before Qt starts a thread (the test's watchdog), which
    // would have an arena of its own already.
    const LargePageHeap::Region region = LargePageHeap::reserve();
    QCoreApplication app(argc, argv);
    TestLargePageHeap test(region);
    return QTest::qExec(&test, argc, argv);
}
#include "tst_largepageheap.moc"
