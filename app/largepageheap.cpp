#include "largepageheap.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__) && __has_include(<sys/mman.h>)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace spheres {

namespace {

constexpr std::size_t kLargePage = std::size_t(2) << 20;
LargePageHeap::Region reserved; ///< what reserve() advised
const char *backedTo = nullptr; ///< how far backNext() has gone

} // namespace

LargePageHeap::Region LargePageHeap::reserve()
{
    reserved = reserveRegion();
    // The first large page may begin before the heap (see reserveRegion), and is in use already.
    backedTo = reserved.size() > kLargePage ? reserved.begin + kLargePage : reserved.end;
    return reserved;
}

bool LargePageHeap::backNext(std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    if (backedTo == nullptr || backedTo >= reserved.end)
        return false;
    const std::size_t step = std::min(bytes, std::size_t(reserved.end - backedTo));
    if (madvise(const_cast<char *>(backedTo), step, MADV_POPULATE_WRITE) != 0) {
        backedTo = reserved.end; // not this kernel: stop asking
        return false;
    }
    backedTo += step;
    return true;
#else
    (void)bytes;
    return false;
#endif
}

LargePageHeap::Region LargePageHeap::reserveRegion()
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && defined(M_TOP_PAD)
    constexpr std::uintptr_t kPage = kLargePage;
    // glibc's own ceiling for this threshold (32 MiB on 64-bit): larger blocks are mapped apart,
    // each in 4 KiB pages, and unmapped again when freed.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 4 * int(kReserve)); // freed memory stays, already faulted in
    mallopt(M_TOP_PAD, int(kReserve));            // the heap grows by kReserve at a time
    // Another thread's arena would be a mapping of its own, in 4 KiB pages (glibc does not
    // advise it); one arena is locked a little more often, which costs far less.
    mallopt(M_ARENA_MAX, 1);
    // A block from the top of the heap makes it grow now by the whole reserve.
    void *probe = std::malloc(std::size_t(1) << 20);
    const auto from = reinterpret_cast<std::uintptr_t>(probe);
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    std::free(probe);
    // Another allocator (a sanitizer's) does not take blocks from the program break: leave it.
    if (probe == nullptr || top <= from || top - from > 2 * kReserve)
        return {};
    // From the large page the probe starts in, since the blocks freed into the top of the heap
    // start there. That page may begin before the heap does: Linux then advises the part that
    // is mapped and answers ENOMEM for the gap ("unmapped address ranges ... ignore them").
    const std::uintptr_t begin = from & ~(kPage - 1), end = top & ~(kPage - 1);
    if (end <= begin || (madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE) != 0 && errno != ENOMEM))
        return {};
    return {reinterpret_cast<const char *>(begin), reinterpret_cast<const char *>(end)};
#else
    return {};
#endif
}

} // namespace spheres
