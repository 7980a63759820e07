using System.Runtime.InteropServices;

namespace TradeBalance.Data.Internal;

/// <summary>What a path names once every link is followed, as the file system sees it.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A character device (<c>/dev/null</c>, a terminal).</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A named pipe (FIFO).</summary>
    Pipe,

    /// <summary>A Unix socket.</summary>
    Socket,

    /// <summary>Something is there, but this system does not say what (not Linux).</summary>
    Unknown,
}

/// <summary>
/// A file's kind and identity (device and inode), links followed: two names of one file (a hard link, a bind mount)
/// have one identity, whatever their spelling. .NET says neither what kind of file a path is (a device is "a file")
/// nor which file it is, so on Linux this asks the system (<c>statx</c>); elsewhere the kind is only
/// <see cref="FileKind.Missing"/>, <see cref="FileKind.Folder"/> or <see cref="FileKind.Unknown"/> and the identity 0.
/// </summary>
/// <remarks>Compiled into TradeBalance.Data and the tool (a linked source file), beside <see cref="AtomicFile"/>.</remarks>
internal readonly record struct FileIdentity(FileKind Kind, ulong Device, ulong Inode)
{
    private const int AtCurrentFolder = -100;
    private const uint TypeInodeAndMode = 0x1 | 0x2 | 0x100; // STATX_TYPE | STATX_MODE | STATX_INO

    /// <summary>Whether the identity names one file (device and inode known), so two can be compared.</summary>
    public bool IsKnown => Kind is not (FileKind.Missing or FileKind.Unknown) && (Device | Inode) != 0;

    /// <summary>Whether writing to this path writes into something that is not a file to replace: a character device or a pipe.</summary>
    public bool IsStream => Kind is FileKind.CharacterDevice or FileKind.Pipe;

    /// <summary>What the path names, following links; never throws.</summary>
    public static FileIdentity Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var buffer = new byte[256];
                // The name as the system takes it: UTF-8 bytes ending in a NUL.
                var name = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
                System.Text.Encoding.UTF8.GetBytes(path, name);
                if (Statx(AtCurrentFolder, name, 0, TypeInodeAndMode, buffer) == 0)
                {
                    // The buffer is in the machine's own byte order.
                    var mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(28)) & 0xF000;
                    var inode = MemoryMarshal.Read<ulong>(buffer.AsSpan(32));
                    var device = ((ulong)MemoryMarshal.Read<uint>(buffer.AsSpan(136)) << 32) | MemoryMarshal.Read<uint>(buffer.AsSpan(140));
                    return new FileIdentity(KindOf(mode), device, inode);
                }

                // Missing, or a name that cannot be looked up (a loop, a permission): the callers say why.
                return new FileIdentity(File.Exists(path) || Directory.Exists(path) ? FileKind.Unknown : FileKind.Missing, 0, 0);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library without statx (before glibc 2.28): kind from .NET below.
            }
        }

        return new FileIdentity(Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.Unknown : FileKind.Missing, 0, 0);
    }

    /// <summary>The kind in words, for a message: "a block device".</summary>
    public string Describe() => Kind switch
    {
        FileKind.Regular => "a file",
        FileKind.Folder => "a folder",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device (a disk)",
        FileKind.Pipe => "a named pipe",
        FileKind.Socket => "a socket",
        FileKind.Missing => "nothing",
        _ => "something other than a file",
    };

    private static FileKind KindOf(int mode) => mode switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Folder,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Pipe,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    // DllImport, not LibraryImport: the shipped projects use no source generators. statx's buffer has one layout on
    // every Linux architecture, unlike stat's.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int folder, byte[] path, int flags, uint mask, byte[] buffer);
}
