import CIECore

/// 威海市 — 威政办发〔2018〕32号《威海市人民政府办公室关于加快县域创新驱动发展的实施意见》 (seed 002). Placeholder: targets to be declared.
public struct WeihaiPolicy: PolicyModule {
    public init() {}

    public let id = "weihai"
    public let name = LocalizedText(zh: "威海市", en: "Weihai")
    public let aliases = ["威海", "wh"]
    public let document = PolicyDocument(
        number: "威政办发〔2018〕32号",
        title: "威海市人民政府办公室关于加快县域创新驱动发展的实施意见",
        issuer: "威海市人民政府办公室",
        issued: "2018-11-08",
        status: .inForce,
        jurisdictionCode: "371000",
        seed: "002_eff6465ac9f855be.txt")

    public var targets: [Target] { [] }
}
