//! The four billing labels and the two price columns of the announcement.

use std::fmt;

/// A billing label (计费标签): what a call is billed as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// 微信活体人脸核身: liveness in WeChat, compared with the authority's database.
    WechatVerify,
    /// 微信活体人脸比对: liveness in WeChat, compared with an uploaded photo.
    WechatCompare,
    /// 通用活体人脸核身: liveness elsewhere, compared with the authority's database.
    GeneralVerify,
    /// 通用活体人脸比对: liveness elsewhere, compared with an uploaded photo.
    GeneralCompare,
}

impl Label {
    /// Every label, in the announcement's column order.
    pub const ALL: [Label; 4] = [
        Label::WechatVerify,
        Label::WechatCompare,
        Label::GeneralVerify,
        Label::GeneralCompare,
    ];

    /// Every label's id, in [`Label::ALL`]'s order.
    pub const IDS: [&'static str; 4] = [
        Label::ALL[0].id(),
        Label::ALL[1].id(),
        Label::ALL[2].id(),
        Label::ALL[3].id(),
    ];

    /// The label's stable id, as the price book writes it.
    pub const fn id(self) -> &'static str {
        match self {
            Label::WechatVerify => "wechat-verify",
            Label::WechatCompare => "wechat-compare",
            Label::GeneralVerify => "general-verify",
            Label::GeneralCompare => "general-compare",
        }
    }

    /// The label with this id, if any.
    pub fn from_id(id: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|label| label.id() == id)
    }

    /// Position in [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Which column of the announcement's tables prices a scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PriceColumn {
    /// 折扣价: the promotional price from 2021-02-01.
    #[default]
    Promo,
    /// 刊例价: the list price.
    List,
}

impl PriceColumn {
    /// Both columns, promotional first as the announcement prints them.
    pub const ALL: [PriceColumn; 2] = [PriceColumn::Promo, PriceColumn::List];

    /// Both columns' ids, in [`PriceColumn::ALL`]'s order.
    pub const IDS: [&'static str; 2] = [PriceColumn::ALL[0].id(), PriceColumn::ALL[1].id()];

    /// The column's stable id.
    pub const fn id(self) -> &'static str {
        match self {
            PriceColumn::Promo => "promo",
            PriceColumn::List => "list",
        }
    }

    /// The column with this id, if any.
    pub fn from_id(id: &str) -> Option<PriceColumn> {
        PriceColumn::ALL
            .into_iter()
            .find(|column| column.id() == id)
    }
}

/// Where the liveness check runs (接入渠道), as billing-rules.md section 1 lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    /// 微信原生 H5.
    WechatNativeH5,
    /// 微信小程序.
    WechatMiniProgram,
    /// 微信普通 H5.
    WechatOrdinaryH5,
    /// 独立 H5.
    StandaloneH5,
    /// PC H5.
    PcH5,
    /// App SDK.
    AppSdk,
}

impl Channel {
    /// Every channel, WeChat-native ones first.
    pub const ALL: [Channel; 6] = [
        Channel::WechatNativeH5,
        Channel::WechatMiniProgram,
        Channel::WechatOrdinaryH5,
        Channel::StandaloneH5,
        Channel::PcH5,
        Channel::AppSdk,
    ];

    /// The channel's stable id.
    pub fn id(self) -> &'static str {
        match self {
            Channel::WechatNativeH5 => "wechat-native-h5",
            Channel::WechatMiniProgram => "wechat-mini-program",
            Channel::WechatOrdinaryH5 => "wechat-ordinary-h5",
            Channel::StandaloneH5 => "standalone-h5",
            Channel::PcH5 => "pc-h5",
            Channel::AppSdk => "app-sdk",
        }
    }

    /// The channel with this id, if any.
    pub fn from_id(id: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|channel| channel.id() == id)
    }

    /// Whether calls from this channel take the WeChat labels.
    pub fn is_wechat_label(self) -> bool {
        matches!(self, Channel::WechatNativeH5 | Channel::WechatMiniProgram)
    }
}

/// What the live face is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// The authority's ID-photo database (权威库).
    Authority,
    /// A photo the customer uploads (上传照片).
    UploadedPhoto,
}

impl Comparison {
    /// Both comparisons.
    pub const ALL: [Comparison; 2] = [Comparison::Authority, Comparison::UploadedPhoto];

    /// The comparison's stable id.
    pub fn id(self) -> &'static str {
        match self {
            Comparison::Authority => "authority",
            Comparison::UploadedPhoto => "uploaded-photo",
        }
    }

    /// The comparison with this id, if any.
    pub fn from_id(id: &str) -> Option<Comparison> {
        Comparison::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// The billing label for a channel and a comparison (billing-rules.md section 1).
pub fn resolve_label(channel: Channel, comparison: Comparison) -> Label {
    match (channel.is_wechat_label(), comparison) {
        (true, Comparison::Authority) => Label::WechatVerify,
        (true, Comparison::UploadedPhoto) => Label::WechatCompare,
        (false, Comparison::Authority) => Label::GeneralVerify,
        (false, Comparison::UploadedPhoto) => Label::GeneralCompare,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_distinct() {
        for label in Label::ALL {
            assert_eq!(Label::from_id(label.id()), Some(label));
        }
        for column in PriceColumn::ALL {
            assert_eq!(PriceColumn::from_id(column.id()), Some(column));
        }
        for channel in Channel::ALL {
            assert_eq!(Channel::from_id(channel.id()), Some(channel));
        }
        assert_eq!(Label::from_id("WeChat-Verify"), None);
        assert_eq!(PriceColumn::from_id(""), None);
    }

    #[test]
    fn channel_table_of_billing_rules() {
        use Channel::*;
        use Comparison::*;
        let expected = [
            (WechatNativeH5, Authority, Label::WechatVerify),
            (WechatMiniProgram, Authority, Label::WechatVerify),
            (WechatNativeH5, UploadedPhoto, Label::WechatCompare),
            (WechatMiniProgram, UploadedPhoto, Label::WechatCompare),
            (WechatOrdinaryH5, Authority, Label::GeneralVerify),
            (StandaloneH5, Authority, Label::GeneralVerify),
            (PcH5, Authority, Label::GeneralVerify),
            (AppSdk, Authority, Label::GeneralVerify),
            (WechatOrdinaryH5, UploadedPhoto, Label::GeneralCompare),
            (StandaloneH5, UploadedPhoto, Label::GeneralCompare),
            (PcH5, UploadedPhoto, Label::GeneralCompare),
            (AppSdk, UploadedPhoto, Label::GeneralCompare),
        ];
        for (channel, comparison, label) in expected {
            assert_eq!(
                resolve_label(channel, comparison),
                label,
                "{channel:?} {comparison:?}"
            );
        }
    }
}
