extension WAVFile {
    /// Upper bound on the sample rate we accept (channels are 1 or 2), to keep hostile headers from asking for nonsense.
    public static let sampleRateMax = 384_000

    /// Parses RIFF/WAVE bytes holding 16-bit PCM (format 1, or WAVE_FORMAT_EXTENSIBLE with PCM),
    /// 1 or 2 channels, rates 1...`sampleRateMax`. A data chunk of size 0xFFFFFFFF (streaming writers) runs
    /// to the end of the bytes. Unknown chunks are skipped; odd-sized chunks are padded as RIFF says.
    public init(bytes: [UInt8]) throws(WAVError) {
        guard bytes.count >= 12, bytes.ascii(0, 4) == "RIFF" else { throw WAVError(.notRIFF, "no RIFF header") }
        guard bytes.ascii(8, 4) == "WAVE" else { throw WAVError(.notWAVE, "RIFF form is not WAVE") }
        var format: (tag: Int, channels: Int, rate: Int, bits: Int)?
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = bytes.ascii(offset, 4)
            let size = Int(bytes.uint32(offset + 4))
            let body = offset + 8
            guard body + size <= bytes.count || id == "data" else {
                throw WAVError(.truncated, "chunk '\(id)' needs \(size) bytes, \(bytes.count - body) left")
            }
            if id == "fmt " {
                guard size >= 16 else { throw WAVError(.missingFormat, "fmt chunk of \(size) bytes") }
                var tag = Int(bytes.uint16(body))
                if tag == 0xFFFE, size >= 40 { tag = Int(bytes.uint16(body + 24)) }
                format = (tag, Int(bytes.uint16(body + 2)), Int(bytes.uint32(body + 4)), Int(bytes.uint16(body + 14)))
            } else if id == "data" {
                guard let format else { throw WAVError(.missingFormat, "data chunk before fmt chunk") }
                // 0xFFFFFFFF is the streaming writers' "size unknown": take what is there.
                let streaming = size == 0xFFFF_FFFF
                guard streaming || body + size <= bytes.count else {
                    throw WAVError(.truncated, "data chunk declares \(size) bytes, \(bytes.count - body) present")
                }
                self = try Self.decode(format: format, bytes: bytes[body..<(streaming ? bytes.count : body + size)])
                return
            }
            offset = body + size + (size & 1)
        }
        throw format == nil ? WAVError(.missingFormat, "no fmt chunk") : WAVError(.missingData, "no data chunk")
    }

    private static func decode(
        format: (tag: Int, channels: Int, rate: Int, bits: Int), bytes: ArraySlice<UInt8>
    ) throws(WAVError) -> WAVFile {
        guard format.tag == 1, format.bits == 16 else {
            throw WAVError(.unsupportedEncoding, "format tag \(format.tag), \(format.bits) bits; need 16-bit PCM")
        }
        guard (1...2).contains(format.channels), (1...sampleRateMax).contains(format.rate) else {
            throw WAVError(.unsupportedEncoding, "\(format.channels) channels at \(format.rate) Hz")
        }
        let frameBytes = 2 * format.channels
        let usable = bytes.count - bytes.count % frameBytes
        // Samples are little-endian: copy the bytes, then swap them on a big-endian host (a no-op here).
        let samples = [Int16](unsafeUninitializedCapacity: usable / 2) { target, count in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(target).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<usable]))
            }
            for sample in 0..<usable / 2 { target[sample] = Int16(littleEndian: target[sample]) }
            count = usable / 2
        }
        return WAVFile(sampleRate: format.rate, channels: format.channels, samples: samples)
    }

    /// Canonical 44-byte-header WAV bytes.
    public func encoded() -> [UInt8] {
        let dataBytes = samples.count * 2
        var out: [UInt8] = []
        out.reserveCapacity(44 + dataBytes)
        out += Array("RIFF".utf8); out.appendUInt32(UInt32(36 + dataBytes))
        out += Array("WAVE".utf8)
        out += Array("fmt ".utf8); out.appendUInt32(16)
        out.appendUInt16(1); out.appendUInt16(UInt16(channels))
        out.appendUInt32(UInt32(sampleRate)); out.appendUInt32(UInt32(sampleRate * channels * 2))
        out.appendUInt16(UInt16(channels * 2)); out.appendUInt16(16)
        out += Array("data".utf8); out.appendUInt32(UInt32(dataBytes))
        for sample in samples { out.appendUInt16(UInt16(bitPattern: sample)) }
        return out
    }
}

extension [UInt8] {
    fileprivate func ascii(_ offset: Int, _ count: Int) -> String {
        guard offset + count <= self.count else { return "" }
        return String(decoding: self[offset..<offset + count], as: UTF8.self)
    }

    fileprivate func uint16(_ offset: Int) -> UInt16 {
        guard offset + 2 <= count else { return 0 }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    fileprivate func uint32(_ offset: Int) -> UInt32 {
        guard offset + 4 <= count else { return 0 }
        return UInt32(uint16(offset)) | UInt32(uint16(offset + 2)) << 16
    }

    fileprivate mutating func appendUInt16(_ value: UInt16) {
        append(UInt8(value & 0xFF)); append(UInt8(value >> 8))
    }

    fileprivate mutating func appendUInt32(_ value: UInt32) {
        appendUInt16(UInt16(value & 0xFFFF)); appendUInt16(UInt16(value >> 16))
    }
}
