#pragma once

#include <cstddef>

namespace spheres {

/// A command's heap backed by 2 MiB pages where the kernel offers them on request
/// (transparent huge pages in "madvise" mode, Ubuntu's and Debian 12's default). A 1080p export
/// touches some 40 MB of fresh heap: the picture, projected paths, the PNG. In 4 KiB pages that
/// is about 8,000 page faults, a quarter of the command's time; in 2 MiB pages, a few dozen.
/// A user's layer of 100,000 polygons takes some 250 MB more, much of it allocated by the
/// threads that project it: the reserve holds that too, and every thread allocates from it.
class LargePageHeap
{
public:
    /// The heap region advised, [begin, end); empty when nothing was (another allocator, no
    /// kernel support).
    struct Region
    {
        const char *begin = nullptr;
        const char *end = nullptr;
        bool contains(const void *p) const { return p >= begin && p < end; }
        std::size_t size() const { return std::size_t(end - begin); }
    };

    /// The heap's growth step, which is also what is advised up front (address space only: a
    /// page is backed when first touched).
    static constexpr std::size_t kReserve = std::size_t(256) << 20;

    /// Grows the heap by kReserve at once, keeps every allocation up to 32 MiB on it (a picture
    /// of up to 8 million pixels included) and never gives it back, has every thread allocate
    /// from it, and asks for large pages on it. For short processes only: the memory is kept
    /// until exit.
    static Region reserve();

    /// Backs the next `bytes` of the reserved region with memory, from its start, without
    /// writing to it (pages already backed are passed over). A thread with nothing to do while
    /// another reads a large file can take the kernel's page zeroing off that thread's path:
    /// in a virtual machine a fresh page costs up to 2 ms a megabyte. False when the region is
    /// all backed, or nothing was reserved, or the kernel cannot (before Linux 5.14).
    static bool backNext(std::size_t bytes);

private:
    static Region reserveRegion();
};

} // namespace spheres
